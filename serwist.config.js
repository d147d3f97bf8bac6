// @ts-check
// The service worker's build (Serwist's configurator mode, which works with Turbopack): after
// `next build`, `serwist build` bundles app/sw.ts into public/sw.js with the precache list — every
// file under .next/static, public/, and every page of lib/offline/offlineRoutes.json at this build.
import { readFileSync } from "node:fs";
import { serwist } from "@serwist/next/config";

const { routes } = JSON.parse(readFileSync(new URL("./lib/offline/offlineRoutes.json", import.meta.url), "utf8"));
// A page's HTML changes with each build: the build's id is its revision.
const revision = readFileSync(new URL("./.next/BUILD_ID", import.meta.url), "utf8").trim();

export default serwist({
  swSrc: "app/sw.ts",
  swDest: "public/sw.js",
  // The pages are listed (with the build's revision) rather than found among prerendered HTML, so
  // that a page rendered per request (a CSP nonce) is precached too.
  precachePrerendered: false,
  additionalPrecacheEntries: routes.map((/** @type {string} */ url) => ({ url, revision })),
  globIgnores: ["public/icons/source/**"],
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
});
