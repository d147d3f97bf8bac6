/**
 * Comparison page benchmark: time from a settings change to the redrawn page, four modes over 90 days,
 * in headless Chromium against the production build. Target: under 100 ms.
 *
 *   npx tsx bench/browser/compare.ts [--runs N]      (builds first if the build is missing or stale)
 *
 * The page marks `compare:change` when a setting changes and measures `compare:redraw` once the new
 * numbers are committed, the charts have their data and the next frame has been drawn
 * (components/compare/ComparePage.tsx). The benchmark presses keys like a trainer would and reads
 * those measures. Three cases:
 *   - a new seed nobody could guess: all four modes computed
 *   - the test coverage slider stepped with the arrow keys a second apart, as in class: the page
 *     computes the neighbouring values in the background, so these usually come from the cache
 *   - back to earlier settings: all four from the cache (redraw only)
 */
import type { Page } from '@playwright/test';
import { isMain, launchChromium, startServer } from './server';

const TARGET_MS = 100;
const QUERY = 'modes=manual,ci,delivery,deployment&days=90&seed=1000&cadence=default';

export interface CaseResult {
  name: string;
  samples: number[];
  median: number;
  p95: number;
  min: number;
  max: number;
  /** From the change until every mode's run was back from the workers (median). */
  computeMedian: number | null;
  /** One mode's engine time inside a worker (median over all modes computed). */
  engineMedian: number | null;
}

export interface CompareBenchResult {
  cases: CaseResult[];
  cores: number;
  chromium: string;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function summarize(name: string, samples: number[], compute: number[], engine: number[] = []): CaseResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const computeSorted = [...compute].sort((a, b) => a - b);
  const engineSorted = [...engine].sort((a, b) => a - b);
  return {
    name,
    samples,
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    computeMedian: computeSorted.length > 0 ? quantile(computeSorted, 0.5) : null,
    engineMedian: engineSorted.length > 0 ? quantile(engineSorted, 0.5) : null,
  };
}

async function ready(page: Page): Promise<void> {
  await page.locator('section[data-state="ready"]').waitFor({ timeout: 30_000 });
}

/**
 * Makes one change (`act`, then `key` if given) and returns the page's measure of change -> redrawn
 * frame, with the time the runs took to come back and each run's engine time.
 */
async function timedChange(page: Page, act: () => Promise<void>, key: string | null): Promise<{ ms: number; computeMs: number | null; engineMs: number[] }> {
  await page.evaluate(() => {
    performance.clearMeasures('compare:redraw');
  });
  await act();
  if (key) await page.keyboard.press(key);
  const handle = await page.waitForFunction(
    () => {
      const entry = performance.getEntriesByName('compare:redraw', 'measure')[0] as PerformanceMeasure | undefined;
      if (!entry) return null;
      const detail = entry.detail as { computed: number; resultsMs: number | null; engineMs: number[] } | null;
      return { ms: entry.duration, computed: detail?.computed ?? 0, computeMs: detail?.resultsMs ?? null, engineMs: detail?.engineMs ?? [] };
    },
    undefined,
    { timeout: 30_000, polling: 10 },
  );
  const value = (await handle.jsonValue()) as { ms: number; computed: number; computeMs: number | null; engineMs: number[] };
  await ready(page);
  return { ms: value.ms, computeMs: value.computed > 0 ? value.computeMs : null, engineMs: value.engineMs };
}

/** Runs the benchmark and returns its numbers (also used by `npm run bench`). */
export async function benchCompare({ runs = 15 }: { runs?: number } = {}): Promise<CompareBenchResult> {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const base = server.baseUrl;
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${base}/compare?${QUERY}`);
    await ready(page);

    const seed = page.getByRole('spinbutton', { name: 'Seed' });
    const coverage = page.getByRole('slider', { name: 'Test coverage' });

    // Warm up: JIT in the page and in every worker.
    for (let i = 0; i < 4; i++) await timedChange(page, () => seed.fill(String(900 + i)), null);

    // 1. A seed nobody could guess: all four modes recompute.
    const fresh: number[] = [];
    const freshCompute: number[] = [];
    const freshEngine: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { ms, computeMs, engineMs } = await timedChange(page, () => seed.fill(String(5000 + 7919 * i)), null);
      fresh.push(ms);
      if (computeMs !== null) freshCompute.push(computeMs);
      freshEngine.push(...engineMs);
    }

    // 2. A trainer stepping the test coverage slider with the arrow keys, a second apart: after the
    //    first step the page has computed the neighbours in the background.
    const stepped: number[] = [];
    const steppedCompute: number[] = [];
    await timedChange(page, () => coverage.focus(), 'ArrowLeft');
    for (let i = 0; i < Math.min(runs, 10); i++) {
      await page.waitForTimeout(1000);
      const { ms, computeMs } = await timedChange(page, () => coverage.focus(), 'ArrowLeft');
      stepped.push(ms);
      if (computeMs !== null) steppedCompute.push(computeMs);
    }

    // 3. Back and forth between two settings seen before: every mode from the cache (redraw only).
    await timedChange(page, () => seed.fill('77'), null);
    await timedChange(page, () => seed.fill('78'), null);
    const cached: number[] = [];
    for (let i = 0; i < Math.min(runs, 8); i++) {
      cached.push((await timedChange(page, () => seed.fill(i % 2 === 0 ? '77' : '78'), null)).ms);
    }

    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    return {
      cores,
      chromium: `Chromium ${browser.version()}`,
      cases: [
        summarize('new seed (4 modes computed)', fresh, freshCompute, freshEngine),
        summarize('coverage slider step, 1 s apart', stepped, steppedCompute),
        summarize('earlier settings (all cached)', cached, []),
      ],
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function printCompare(result: CompareBenchResult): void {
  console.log('Comparison page: settings change -> redrawn page (4 modes x 90 days, 1280x720, headless Chromium)');
  console.log(`  ${result.cores} cores seen by the page, ${result.chromium}; target < ${TARGET_MS} ms`);
  const pad = (s: string, n: number) => s.padEnd(n);
  const num = (n: number | null) => (n === null || Number.isNaN(n) ? '—' : `${n.toFixed(0)} ms`).padStart(8);
  console.log(
    `  ${pad('case', 36)} ${'runs'.padStart(4)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'results'.padStart(8)} ${'1 mode'.padStart(8)}  target`,
  );
  for (const c of result.cases) {
    const verdict = c.median < TARGET_MS ? 'met' : 'MISSED';
    console.log(
      `  ${pad(c.name, 36)} ${String(c.samples.length).padStart(4)} ${num(c.median)} ${num(c.p95)} ${num(c.min)} ${num(c.max)} ${num(c.computeMedian)} ${num(c.engineMedian)}  ${verdict}`,
    );
  }
  console.log('  median/p95/min/max: change -> new numbers and charts on screen (the frame after the commit).');
  console.log('  results: change -> every run back from the workers. 1 mode: one run inside a worker (median).');
}

/** Entry for `npm run bench` (bench/run.ts). */
export async function run(): Promise<void> {
  printCompare(await benchCompare());
}

if (isMain(import.meta.url)) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 15;
  benchCompare({ runs: Number.isFinite(runs) && runs > 0 ? runs : 15 })
    .then(printCompare)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
