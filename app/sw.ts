/// <reference lib="webworker" />
/**
 * The service worker (built by `serwist build` into public/sw.js, see serwist.config.js): it
 * precaches the app shell, every page and every script and style, so that after one visit the whole
 * app, its lessons and the simulation (which runs in the browser) work with the network gone.
 *
 * A new version waits until the learner chooses to reload (components/site/AppUpdates.tsx sends
 * SKIP_WAITING): it is never forced on a class mid-lesson.
 */
import { defaultCache } from "@serwist/next/worker";
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { Serwist } from "serwist";
import offline from "@/lib/offline/offlineRoutes.json";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: false,
  // The first install takes the open page at once: it works offline from the first visit.
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: defaultCache,
  // A page's address with parameters (/simulator?seed=7) is not in the precache: offline, the
  // page itself is served, and it reads its parameters in the browser.
  fallbacks: {
    entries: offline.routes.map((route) => ({
      url: route,
      matcher: ({ request }: { request: Request }) => request.destination === "document" && new URL(request.url).pathname === route,
    })),
  },
});

serwist.addEventListeners();
