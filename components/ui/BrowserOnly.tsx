"use client";

import { Suspense, startTransition, useEffect, useState, type ReactNode } from "react";

/**
 * Renders `fallback` on the server and while hydrating, then `children`. For the live runs
 * (/simulator, its embed, a lesson): they read the address and play in the browser, and used to
 * render there only because their pages were static. Every page now renders per request for its CSP
 * nonce, and without this the server would build and fast-forward a simulation for each request
 * (seconds of CPU for `?t=300d00:00`).
 *
 * The switch to `children` is a transition: React renders the whole live run (the engine, React
 * Flow, every panel) in slices of a few milliseconds and yields to the browser between them, instead
 * of one long task right after hydration (most of the Total Blocking Time of /simulator, issue 13).
 * The fallback stays on screen until the run commits, as before.
 */
export function BrowserOnly({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => {
    startTransition(() => setInBrowser(true));
  }, []);
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
