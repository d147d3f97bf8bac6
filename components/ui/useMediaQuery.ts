"use client";

import { useCallback, useSyncExternalStore } from "react";

const lists = new Map<string, MediaQueryList>();

/** One MediaQueryList per query: reading `.matches` on it is cheap, creating one is not. */
function listFor(query: string): MediaQueryList {
  let list = lists.get(query);
  if (!list) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
}

/** Whether a media query matches, following changes. False on the server. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = listFor(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  const read = useCallback(() => listFor(query).matches, [query]);
  return useSyncExternalStore(subscribe, read, () => false);
}

/** The user asked the system for less motion: tokens jump and nothing animates. */
export function useReducedMotion(): boolean {
  return useMediaQuery("(prefers-reduced-motion: reduce)");
}
