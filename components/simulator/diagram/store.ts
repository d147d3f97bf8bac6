"use client";

import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import type { StageId } from "@/machines/view/stages";
import type { FrameHeaderData } from "./flowElements";
import type { StageNodeData } from "./stageCards";
import type { Token } from "./tokens";

/** The store key of one stage card. */
export type CardKey = `card:${StageId}`;

/** What one diagram publishes, by key: each stage card, the tokens, the failed tokens' keys and the title row. */
export type DiagramValues = { [K in CardKey]: StageNodeData } & {
  tokens: Token[];
  failedKeys: ReadonlySet<string>;
  header: FrameHeaderData;
};

export type DiagramKey = keyof DiagramValues;

export const cardKey = (stage: StageId): CardKey => `card:${stage}`;

/**
 * A small keyed store that one diagram publishes its per-frame data to (each stage card, the tokens,
 * the frame's title row). React Flow's nodes stay the same objects from frame to frame, so React
 * Flow itself has nothing to update; only the parts whose data changed re-render.
 */
export class DiagramStore {
  private values = new Map<DiagramKey, unknown>();
  private listeners = new Map<DiagramKey, Set<() => void>>();

  constructor(initial: Partial<DiagramValues> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key as DiagramKey, value);
  }

  get<K extends DiagramKey>(key: K): DiagramValues[K] | undefined {
    return this.values.get(key) as DiagramValues[K] | undefined;
  }

  /** Sets a value and tells its readers, unless `isEqual` says nothing changed. */
  set<K extends DiagramKey>(key: K, value: DiagramValues[K], isEqual?: (a: DiagramValues[K], b: DiagramValues[K]) => boolean): void {
    const old = this.get(key);
    if (old !== undefined && (old === value || isEqual?.(old, value))) return;
    this.values.set(key, value);
    const listeners = this.listeners.get(key);
    if (listeners) for (const listener of [...listeners]) listener();
  }

  subscribe(key: DiagramKey, listener: () => void): () => void {
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
export function useDiagramValue<K extends DiagramKey>(key: K): DiagramValues[K] | undefined {
  const store = useContext(DiagramStoreContext);
  const subscribe = useCallback((listener: () => void) => store?.subscribe(key, listener) ?? (() => {}), [store, key]);
  const read = () => store?.get(key);
  return useSyncExternalStore(subscribe, read, read);
}
