"use client";

import { useEffect, useRef, useState } from "react";
import { RefreshCw, X } from "lucide-react";
import { Serwist } from "@serwist/window";
import { Button } from "@/components/ui/Button";

/** After the load event, SETTLE_MS more, then an idle moment. */
const SETTLE_MS = 4000;

/**
 * Runs `start` once the page has loaded and settled. Installing the worker precaches the whole app
 * (about 2.7 MB): begun at the load event, it took a slow phone's network and processor while the
 * page was still fetching and mounting its live run, and doubled the page's blocking time
 * (issue 13). A visit that lasts a few seconds still leaves the app ready to work offline.
 */
function afterSettling(start: () => void): () => void {
  let timer: number | undefined;
  let idle: number | undefined;
  const settle = () => {
    timer = window.setTimeout(() => {
      if (typeof window.requestIdleCallback === "function") idle = window.requestIdleCallback(start, { timeout: 2000 });
      else start();
    }, SETTLE_MS);
  };
  if (document.readyState === "complete") settle();
  else window.addEventListener("load", settle, { once: true });
  return () => {
    window.removeEventListener("load", settle);
    window.clearTimeout(timer);
    if (idle !== undefined) window.cancelIdleCallback(idle);
  };
}

/**
 * Registers the service worker once the page has settled (production builds only: `next dev`
 * serves no public/sw.js) and announces a new version once it has been downloaded. The new version
 * waits until the learner presses Reload: a class is never reloaded mid-lesson (and a reload keeps
 * the run: it is saved).
 */
export function AppUpdates() {
  const [waiting, setWaiting] = useState(false);
  const sw = useRef<Serwist | null>(null);
  /** The learner pressed Reload: the next change of worker loads the new version. */
  const asked = useRef(false);

  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const serwist = new Serwist("/sw.js", { scope: "/", type: "classic" });
    sw.current = serwist;
    serwist.addEventListener("waiting", () => setWaiting(true));
    // Only after the learner asked: the new version took over, so load it.
    serwist.addEventListener("controlling", () => {
      if (asked.current) window.location.reload();
    });
    return afterSettling(() => {
      serwist.register({ immediate: true }).catch(() => {
        // No service worker (a private window, a build without public/sw.js): the app works online.
      });
    });
  }, []);

  if (!waiting) return null;
  return (
    <div
      role="status"
      aria-labelledby="app-update-title"
      className="fixed right-4 bottom-4 z-50 flex max-w-[calc(100vw-2rem)] items-center gap-3 rounded-xl border-2 border-border-strong bg-surface-raised px-4 py-3 shadow-xl"
    >
      <RefreshCw aria-hidden="true" className="size-6 shrink-0 text-text" strokeWidth={2.5} />
      <p id="app-update-title" className="text-base font-bold text-text">
        A new version is ready
      </p>
      <Button
        size="sm"
        variant="primary"
        onClick={() => {
          asked.current = true;
          sw.current?.messageSkipWaiting();
        }}
      >
        Reload
      </Button>
      <Button
        size="sm"
        variant="ghost"
        aria-label="Later"
        title="Later: the new version loads the next time you open the app"
        onClick={() => setWaiting(false)}
        className="size-9 px-0"
      >
        <X aria-hidden="true" className="size-5" strokeWidth={2.5} />
      </Button>
    </div>
  );
}
