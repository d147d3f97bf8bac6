#!/usr/bin/env node
// `npm start`: build the production app if it is missing or stale, then serve it
// with `next start` on $PORT (default 3000). Ctrl-C stops everything.

import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { NEXT_BIN, ROOT, ensureBuild, nextEnv, watchParent } from "./lib/build.mjs";

const rawPort = process.env.PORT ?? "3000";
const port = Number(rawPort);
if (!/^\d+$/.test(rawPort) || !Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a number from 1 to 65535, got "${rawPort}".`);
  process.exit(2);
}

/** Resolves to an error code such as "EADDRINUSE", or null when the port is free. */
function portProblem(p) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error) => resolve(error.code ?? "error"));
    probe.listen(p, () => probe.close(() => resolve(null)));
  });
}

const problem = await portProblem(port);
if (problem) {
  const why = problem === "EADDRINUSE" ? "is already in use" : `cannot be opened (${problem})`;
  console.error(`Port ${port} ${why}: stop the other server or choose another, e.g. PORT=${port === 65535 ? port - 1 : port + 1} npm start.`);
  process.exit(1);
}

const build = await ensureBuild();
if (!build.ok) {
  console.error("The build failed; fix the errors above and run npm start again.");
  process.exit(1);
}

// Node refuses a request line and headers over 16 KB with an empty 431 (a blank tab); with room for
// 64 KB, an address longer than the app reads gets its short 414 page from proxy.ts instead.
const server = spawn(process.execPath, ["--max-http-header-size=65536", NEXT_BIN, "start", "-p", String(port)], {
  cwd: ROOT,
  stdio: "inherit",
  env: nextEnv(),
});

let stopping = false;
function stop(signal) {
  stopping = true;
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(signal));
watchParent(() => stop("SIGTERM"));

server.on("error", (error) => {
  console.error(`Could not start Next.js: ${error.message}`);
  process.exit(1);
});

server.on("exit", (code, signal) => {
  if (stopping || signal) process.exit(code ?? 0);
  process.exit(code ?? 1);
});

// Announce the URL once the server answers, not before.
const url = `http://localhost:${port}`;
for (let attempt = 0; attempt < 600; attempt += 1) {
  if (server.exitCode !== null || server.signalCode !== null || stopping) break;
  try {
    await fetch(`http://127.0.0.1:${port}/`, { method: "HEAD", signal: AbortSignal.timeout(2000) });
    console.log(`\nPipeline Lab is running at ${url}\n`);
    break;
  } catch {
    await sleep(100);
  }
}
