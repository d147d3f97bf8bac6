import { runHeadless } from '@/machines/engine/headless';
import type { Metrics } from '@/machines/metrics/metrics';
import type { Mode } from '@/machines/world/modes';
import { defaultSettings, type Settings } from '@/machines/world/settings';

/**
 * Runs shared by the fidelity tests: a trainer's expectations are stated over many seeds, so each
 * (mode, settings) run is made once per file and measured as `runHeadless` measures it.
 */
export const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

export interface Run {
  metrics: Metrics;
  productionRevision: number;
  testCoverageAtEnd: number;
}

const cache = new Map<string, Run>();

export function run(mode: Mode, seed: number, change: Partial<Settings> = {}): Run {
  const settings: Settings = { ...defaultSettings(mode, seed), ...change };
  const key = JSON.stringify(settings);
  let result = cache.get(key);
  if (!result) {
    const { metrics, simulation } = runHeadless(settings, { retainDays: 30 });
    result = { metrics, productionRevision: simulation.productionRevision, testCoverageAtEnd: simulation.testCoverage };
    cache.set(key, result);
  }
  return result;
}

/** `pick` of every seed's run. */
export function overSeeds(mode: Mode, change: Partial<Settings>, pick: (run: Run) => number | null): number[] {
  return SEEDS.map((seed) => pick(run(mode, seed, change))).filter((v): v is number => v !== null && Number.isFinite(v));
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}
