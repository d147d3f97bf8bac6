"use client";

import { startTransition, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { ComparisonEngine, Superseded, type ComparisonResult } from "@/lib/compare/comparisonEngine";
import type { CompareSettings } from "@/machines/compare/compareSettings";

// ---------------------------------------------------------------- theme

function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

/** The resolved theme on <html data-theme>, for canvas drawing that cannot use CSS variables live. */
export function useResolvedTheme(): "light" | "dark" {
  return useSyncExternalStore(
    subscribeTheme,
    () => (document.documentElement.dataset.theme === "dark" ? "dark" : "light"),
    () => "light",
  );
}

// ---------------------------------------------------------------- the comparison

/** Marked when a result is back from the engine, before React renders it. */
export const MARK_RESULTS = "compare:results";

export interface ComparisonState {
  /** The newest finished result (kept on screen while a newer one computes). */
  result: ComparisonResult | null;
  computing: boolean;
  error: string | null;
  /** Computes likely next settings in the background (see lib/compare/prefetch.ts). */
  prefetch: (candidates: readonly CompareSettings[]) => void;
  /**
   * Starts computing `next` now, from the event handler, before React renders the change: the workers
   * start a render earlier. The result arrives through `result` as usual (the engine shares the work).
   */
  start: (next: CompareSettings) => void;
}

/**
 * Computes `settings` in the browser (Web Workers, cached per mode) whenever they change, and only
 * then: opening a table or a panel does not recompute anything.
 */
export function useComparison(settings: CompareSettings): ComparisonState {
  const engine = useRef<ComparisonEngine | null>(null);
  /** A result has been on screen already. */
  const shown = useRef(false);
  const [state, setState] = useState<Omit<ComparisonState, "prefetch" | "start">>({ result: null, computing: true, error: null });
  const prefetch = useCallback((candidates: readonly CompareSettings[]) => engine.current?.prefetch(candidates), []);
  const start = useCallback((next: CompareSettings) => {
    engine.current?.compute(next).catch(() => undefined);
  }, []);

  useEffect(() => {
    const created = new ComparisonEngine();
    engine.current = created;
    return () => {
      created.dispose();
      if (engine.current === created) engine.current = null;
    };
  }, []);

  useEffect(() => {
    const current = engine.current;
    if (!current) return;
    let live = true;
    setState((s) => (s.computing ? s : { ...s, computing: true }));
    current.compute(settings).then(
      (result) => {
        if (!live) return;
        performance.mark(MARK_RESULTS);
        const next = { result, computing: false, error: null };
        // The first result lands while the page loads: a transition renders the cards in slices that
        // yield to the browser (Total Blocking Time, issue 13). Later ones follow a change someone
        // made and render at once (a transition made the redraw about 40 ms slower).
        if (shown.current) setState(next);
        else startTransition(() => setState(next));
        shown.current = true;
      },
      (error: unknown) => {
        if (!live || error instanceof Superseded) return;
        setState((s) => ({ ...s, computing: false, error: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => {
      live = false;
    };
  }, [settings]);

  return useMemo(() => ({ ...state, prefetch, start }), [state, prefetch, start]);
}
