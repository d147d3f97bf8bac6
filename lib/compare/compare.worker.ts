/**
 * Runs one mode of a comparison off the main thread, so the page stays responsive while the engine
 * works. The page keeps a small pool of these (lib/compare/comparisonEngine.ts).
 */
import { runMode, type ModeRun } from "@/machines/compare/runComparison";
import type { ReleasePlan } from "@/machines/compare/cadence";
import type { Settings } from "@/machines/world/settings";

export interface WorkerRequest {
  id: number;
  settings: Settings;
  plan: ReleasePlan;
}

export type WorkerResponse = { id: number; run: ModeRun; ms: number } | { id: number; error: string };

/** The worker's global scope, typed narrowly (the project compiles against the DOM library). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const { id, settings, plan } = event.data;
  const started = performance.now();
  try {
    const run = runMode(settings, plan);
    scope.postMessage({ id, run, ms: performance.now() - started } satisfies WorkerResponse);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerResponse);
  }
};
