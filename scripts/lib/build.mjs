// Shared by scripts/start.mjs and scripts/test.mjs: decide whether the production
// build in .next/ is missing or older than the sources, run child processes with
// signal forwarding, and find the repository root.

import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { addCompileHints } from "./compileHints.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Directories whose contents end up in the build. Missing ones are skipped. */
export const SOURCE_DIRS = ["app", "components", "machines", "lib", "public"];
/** Single files that change the build. */
export const SOURCE_FILES = ["next.config.ts", "package.json", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "serwist.config.js"];
/** Files the build writes into a source directory (the service worker): never a reason to build again. */
const BUILD_OUTPUTS = new Set([path.join(ROOT, "public", "sw.js"), path.join(ROOT, "public", "sw.js.map")]);
const SERWIST_BIN = path.join(ROOT, "node_modules", "@serwist", "cli", "cli.js");

const BUILD_ID = path.join(ROOT, ".next", "BUILD_ID");

/** Newest file under dir (recursive), or null if there is none. */
function newestUnder(dir) {
  let newest = null;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = newestUnder(full);
      if (inner && (!newest || inner.mtimeMs > newest.mtimeMs)) newest = inner;
    } else if (entry.isFile() && !BUILD_OUTPUTS.has(full)) {
      const { mtimeMs } = statSync(full);
      if (!newest || mtimeMs > newest.mtimeMs) newest = { file: full, mtimeMs };
    }
  }
  return newest;
}

/**
 * Why a build is needed, or null when .next/BUILD_ID is newer than every source.
 * @returns {string | null}
 */
export function buildNeededBecause() {
  if (!existsSync(BUILD_ID)) return "no production build yet";
  if (!existsSync(path.join(ROOT, "public", "sw.js"))) return "no service worker yet";
  const builtAt = statSync(BUILD_ID).mtimeMs;
  for (const file of SOURCE_FILES) {
    const full = path.join(ROOT, file);
    if (existsSync(full) && statSync(full).mtimeMs > builtAt) return `${file} changed`;
  }
  for (const dir of SOURCE_DIRS) {
    const newest = newestUnder(path.join(ROOT, dir));
    if (newest && newest.mtimeMs > builtAt) {
      return `${path.relative(ROOT, newest.file)} changed`;
    }
  }
  return null;
}

/** Environment for Next.js child processes: no telemetry calls from our scripts. */
export function nextEnv(extra = {}) {
  return { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...extra };
}

const FORWARDED_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Call onOrphaned once if the process that started us goes away. `npm start`
 * runs us through `sh -c`; when npm is killed, sh dies without passing the
 * signal on, and we would keep a server running with nobody to stop it.
 * @returns {() => void} stops watching
 */
export function watchParent(onOrphaned) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onOrphaned();
    }
  }, 500);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Run a command with inherited stdio. Signals sent to this process are passed
 * on to the child, so Ctrl-C or `kill <pid>` stops both.
 * `forwardAs` sends every stop signal as this one instead: Playwright cleans up
 * its webServer on SIGINT but not on SIGTERM.
 * @param {string} command
 * @param {string[]} args
 * @param {import("node:child_process").SpawnOptions & { forwardAs?: NodeJS.Signals }} [options]
 * @returns {Promise<{ code: number, signal: NodeJS.Signals | null }>}
 */
export function run(command, args, options = {}) {
  const { forwardAs, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...spawnOptions });
    let forwarded = false;
    const forward = (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A second SIGINT makes some tools (Playwright) skip their cleanup: send one.
      if (forwardAs && forwarded) return;
      forwarded = true;
      child.kill(forwardAs ?? signal);
    };
    for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
    const stopWatching = watchParent(() => forward("SIGTERM"));
    const cleanup = () => {
      stopWatching();
      for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
    };
    child.once("error", (error) => {
      cleanup();
      reject(error);
    });
    child.once("exit", (code, signal) => {
      cleanup();
      resolve({ code: code ?? (signal ? 128 + signalNumber(signal) : 1), signal });
    });
  });
}

function signalNumber(signal) {
  return { SIGHUP: 1, SIGINT: 2, SIGTERM: 15, SIGKILL: 9 }[signal] ?? 1;
}

/** Run a Next.js CLI command with the local Next.js and the same Node. */
export function runNext(args, options = {}) {
  return run(process.execPath, [NEXT_BIN, ...args], { env: nextEnv(), ...options });
}

/**
 * Build with `next build` if the production build is missing or stale.
 * @returns {Promise<{ built: boolean, ok: boolean, reason: string | null }>}
 */
export async function ensureBuild({ log = console.log } = {}) {
  const reason = buildNeededBecause();
  if (!reason) return { built: false, ok: true, reason: null };
  log(`Building Pipeline Lab (${reason})...`);
  const { code } = await runNext(["build"]);
  if (code !== 0) return { built: true, ok: false, reason };
  addCompileHints(path.join(ROOT, ".next", "static", "chunks"));
  // The service worker precaches what the build wrote (serwist.config.js).
  const sw = await run(process.execPath, [SERWIST_BIN, "build"], { env: nextEnv() });
  return { built: true, ok: sw.code === 0, reason };
}
