"use client";

import { useCallback, useState, type KeyboardEvent, type PointerEvent } from "react";

/**
 * Menus and dialogs are Radix (focus, keys, dismissal), and Radix is some 40 KB gzipped: more than
 * a view's first paint can carry (issue 13). The view renders a plain stand-in button and fetches the
 * Radix part the first time it is wanted, or hinted at (a pointer over the button, focus on it).
 */
export interface Deferred<T> {
  /** The module, once it has arrived. */
  readonly current: T | null;
  load(): Promise<T>;
}

export function deferred<T>(load: () => Promise<T>): Deferred<T> {
  let pending: Promise<T> | null = null;
  const part: { current: T | null; load(): Promise<T> } = {
    current: null,
    load() {
      pending ??= load().then(
        (module) => (part.current = module),
        (error: unknown) => {
          // Offline without the chunk: the next hint tries again.
          pending = null;
          throw error;
        },
      );
      return pending;
    },
  };
  return part;
}

/** The module (null until it has arrived) and a function that asks for it; the component renders again when it arrives. */
export function useDeferred<T>(part: Deferred<T>): [T | null, () => void] {
  const [module, setModule] = useState<T | null>(part.current);
  const want = useCallback(() => {
    if (module) return;
    part.load().then(setModule, () => {});
  }, [part, module]);
  return [module ?? part.current, want];
}

export type OpenedBy = "pointer" | "keyboard";

/**
 * A menu button before its menu has been loaded: opens as Radix's trigger would (a press of the main
 * button, Enter, Space or ↓; a screen reader's click), then the menu mounts open in its place, with
 * how it was opened so a key press lands on the first item.
 */
export function useDeferredMenu<T>(part: Deferred<T>) {
  const [module, want] = useDeferred(part);
  const [openedBy, setOpenedBy] = useState<OpenedBy | null>(null);
  const open = (by: OpenedBy) => {
    want();
    setOpenedBy((before) => before ?? by);
  };
  const standIn = {
    type: "button" as const,
    "aria-haspopup": "menu" as const,
    "aria-expanded": false,
    onPointerEnter: want,
    onFocus: want,
    onPointerDown: (event: PointerEvent) => {
      if (event.button !== 0 || event.ctrlKey) return;
      // As Radix does: the press opens the menu and does not take focus.
      event.preventDefault();
      open("pointer");
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== "Enter" && event.key !== " " && event.key !== "ArrowDown") return;
      event.preventDefault();
      open("keyboard");
    },
    onClick: () => open("keyboard"),
  };
  return { opened: module && openedBy ? { module, by: openedBy } : null, standIn };
}
