"use client";

import { createContext, useCallback, useContext, useSyncExternalStore } from "react";

/**
 * A small keyed store that one diagram publishes its per-frame data to (each stage card, the tokens,
 * the frame's title row). React Flow's nodes stay the same objects from frame to frame, so React
 * Flow itself has nothing to update; only the parts whose data changed re-render.
 */
export class DiagramStore {
  private values = new Map<string, unknown>();
  private listeners = new Map<string, Set<() => void>>();

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  /** Sets a value and tells its readers, unless `isEqual` says nothing changed. */
  set<T>(key: string, value: T, isEqual?: (a: T, b: T) => boolean): void {
    const old = this.values.get(key) as T | undefined;
    if (old !== undefined && (old === value || isEqual?.(old, value))) return;
    this.values.set(key, value);
    const listeners = this.listeners.get(key);
    if (listeners) for (const listener of [...listeners]) listener();
  }

  subscribe(key: string, listener: () => void): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }
}

export const DiagramStoreContext = createContext<DiagramStore | null>(null);

/** One value of the diagram's store, re-rendering only when it changes. */
export function useDiagramValue<T>(key: string): T | undefined {
  const store = useContext(DiagramStoreContext);
  const subscribe = useCallback((listener: () => void) => store?.subscribe(key, listener) ?? (() => {}), [store, key]);
  const read = () => store?.get<T>(key);
  return useSyncExternalStore(subscribe, read, read);
}
