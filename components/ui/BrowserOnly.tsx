"use client";

import { Suspense, useSyncExternalStore, type ReactNode } from "react";

const subscribe = () => () => {};

/**
 * Renders `fallback` on the server and while hydrating, then `children`. For the live runs
 * (/simulator, its embed, a lesson): they read the address and play in the browser, and used to
 * render there only because their pages were static. Every page now renders per request for its CSP
 * nonce, and without this the server would build and fast-forward a simulation for each request
 * (seconds of CPU for `?t=300d00:00`).
 */
export function BrowserOnly({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  return inBrowser ? children : fallback;
}

/** `BrowserOnly` around a `Suspense` with the same fallback: a drop-in for Suspense around a live run. */
export function BrowserSuspense({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  return (
    <BrowserOnly fallback={fallback}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </BrowserOnly>
  );
}
