#!/usr/bin/env node
// `npm test`: typecheck, lint (ESLint), format check (Prettier), unit tests (Vitest), then
// end-to-end tests (Playwright) against the production build.
//
//   npm test                      everything
//   npm test -- --unit-only       typecheck + lint + format check + unit tests
//   npm test -- --e2e-only        end-to-end tests only (builds first if needed)
//   npm test -- --e2e-only -g axe other arguments go to `playwright test`
//
// Chromium for the end-to-end tests is, in order: $CHROMIUM_PATH, /usr/bin/chromium,
// /usr/bin/chromium-browser, Playwright's own download. If none exists and this
// runs as root on a system with apt-get, Debian's chromium is installed.
// Playwright's webServer starts and stops the server: nothing is left running.

import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ROOT, ensureBuild, nextEnv, run, watchParent } from "./lib/build.mjs";

const require = createRequire(import.meta.url);
const bin = (...parts) => path.join(ROOT, "node_modules", ...parts);
const TSC = bin("typescript", "bin", "tsc");
const VITEST = bin("vitest", "vitest.mjs");
const PLAYWRIGHT = bin("@playwright", "test", "cli.js");
const ESLINT = bin("eslint", "bin", "eslint.js");
const PRETTIER = bin("prettier", "bin", "prettier.cjs");

// ---- arguments ---------------------------------------------------------------
let unitOnly = false;
let e2eOnly = false;
const playwrightArgs = [];
for (const arg of process.argv.slice(2)) {
  if (arg === "--unit-only") unitOnly = true;
  else if (arg === "--e2e-only") e2eOnly = true;
  else playwrightArgs.push(arg);
}
if (unitOnly && e2eOnly) {
  console.error("Use either --unit-only or --e2e-only, not both.");
  process.exit(2);
}
if (unitOnly && playwrightArgs.length > 0) {
  console.error(`Extra arguments (${playwrightArgs.join(" ")}) are passed to Playwright; they cannot be combined with --unit-only.`);
  process.exit(2);
}

// ---- bookkeeping ---------------------------------------------------------------
/** @type {{ name: string, status: "PASS" | "FAIL" | "SKIP", seconds: number | null, note: string }[]} */
const results = [];
let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  // Children get the signal too (forwarded by run()); stop after the current step.
  process.on(signal, () => {
    interrupted = true;
  });
}
// If whoever started us goes away (npm killed), run() stops the current child; stop here too.
watchParent(() => {
  interrupted = true;
});

function banner(title) {
  console.log(`\n=== ${title} ===`);
}

async function step(name, fn) {
  const started = performance.now();
  let outcome;
  try {
    outcome = await fn();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    outcome = { ok: false, note: "could not run" };
  }
  const seconds = (performance.now() - started) / 1000;
  const result = { name, status: outcome.ok ? "PASS" : "FAIL", seconds, note: outcome.note ?? "" };
  results.push(result);
  if (interrupted) finish(130);
  return result;
}

function skip(name, note) {
  results.push({ name, status: "SKIP", seconds: null, note });
}

function finish(forcedCode) {
  console.log("\nSummary");
  for (const r of results) {
    const time = r.seconds === null ? "" : `${r.seconds.toFixed(1)}s`;
    console.log(`  ${r.status}  ${r.name.padEnd(10)} ${time.padStart(7)}  ${r.note}`.trimEnd());
  }
  const failed = results.some((r) => r.status === "FAIL");
  if (interrupted) console.log("Interrupted.");
  process.exit(forcedCode ?? (failed ? 1 : 0));
}

/** Run quietly; print the output only if the command fails. */
function runQuiet(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) process.stderr.write(output);
      resolve(code ?? 1);
    });
  });
}

function hasUnitTests(dir = path.join(ROOT, "test", "unit")) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((entry) => (entry.isDirectory() ? hasUnitTests(path.join(dir, entry.name)) : entry.isFile() && entry.name.endsWith(".test.ts")));
}

// ---- Chromium -------------------------------------------------------------------
/** @returns {{ path: string, source: string } | { error: string } | null} */
function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    return existsSync(fromEnv) ? { path: fromEnv, source: "CHROMIUM_PATH" } : { error: `CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.` };
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return { path: candidate, source: "system" };
  }
  try {
    const playwrightChromium = require("playwright-core").chromium.executablePath();
    if (playwrightChromium && existsSync(playwrightChromium)) {
      return { path: playwrightChromium, source: "Playwright" };
    }
  } catch {
    // playwright-core missing or no browser registered: fall through.
  }
  return null;
}

async function installChromiumWithApt() {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (!isRoot || !hasApt) return null;
  console.log("No Chromium found: installing Debian's chromium with apt-get (this takes a few minutes)...");
  const { code } = await run("sh", ["-c", "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium"], {
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (code === 0 && existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  console.error("apt-get could not install chromium.");
  return null;
}

// ---- steps ------------------------------------------------------------------------
let typecheckFailed = false;

if (!e2eOnly) {
  banner("Typecheck (next typegen + tsc --noEmit)");
  const typecheck = await step("typecheck", async () => {
    // Route types (.next/types, next-env.d.ts) must exist before tsc reads them.
    const typegen = await runQuiet(process.execPath, [bin("next", "dist", "bin", "next"), "typegen"], nextEnv());
    if (typegen !== 0) return { ok: false, note: "next typegen failed" };
    const { code } = await run(process.execPath, [TSC, "--noEmit", "--pretty"]);
    return { ok: code === 0 };
  });
  typecheckFailed = typecheck.status === "FAIL";

  // Lint and format are tests like the others: a failure fails `npm test`, but the steps after
  // still run, so one run reports everything.
  banner("Lint (eslint .)");
  await step("lint", async () => {
    const { code } = await run(process.execPath, [ESLINT, ".", "--max-warnings=0"]);
    return { ok: code === 0, note: code === 0 ? "" : "npx eslint . shows the problems" };
  });

  banner("Format (prettier --check .)");
  await step("format", async () => {
    const { code } = await run(process.execPath, [PRETTIER, "--check", ".", "--log-level=warn"]);
    return { ok: code === 0, note: code === 0 ? "" : "npm run format rewrites the files listed" };
  });

  banner("Unit tests (vitest run)");
  await step("unit", async () => {
    const { code } = await run(process.execPath, [VITEST, "run", "--passWithNoTests"]);
    return { ok: code === 0, note: hasUnitTests() ? "" : "no unit test files yet" };
  });
}

if (!unitOnly) {
  if (typecheckFailed) {
    skip("build", "skipped: typecheck failed (next build would fail too)");
    skip("e2e", "skipped: typecheck failed");
  } else {
    banner("Chromium");
    let chromium = findChromium();
    if (chromium && "error" in chromium) {
      console.error(chromium.error);
      results.push({ name: "chromium", status: "FAIL", seconds: null, note: chromium.error });
      finish();
    }
    if (!chromium) {
      const installed = await installChromiumWithApt();
      if (installed) chromium = { path: installed, source: "installed with apt-get" };
    }
    if (!chromium) {
      console.error(
        "No Chromium found: install Debian's chromium (sudo apt-get install chromium) or run npx playwright install chromium, then run npm test again.",
      );
      results.push({ name: "chromium", status: "FAIL", seconds: null, note: "no Chromium found" });
      finish();
    }
    console.log(`Using ${chromium.path} (${chromium.source})`);

    banner("Production build");
    const build = await step("build", async () => {
      const result = await ensureBuild();
      if (!result.built) console.log("Up to date.");
      return { ok: result.ok, note: result.built ? `built: ${result.reason}` : "up to date" };
    });

    if (build.status === "FAIL") {
      skip("e2e", "skipped: build failed");
    } else {
      banner("End-to-end tests (playwright test)");
      await step("e2e", async () => {
        const { code } = await run(process.execPath, [PLAYWRIGHT, "test", ...playwrightArgs], {
          env: nextEnv({ CHROMIUM_PATH: chromium.path }),
          forwardAs: "SIGINT",
        });
        return { ok: code === 0, note: `Chromium: ${chromium.path}` };
      });
    }
  }
}

finish();
