/**
 * Frame times of the live pipeline (/simulator) in headless Chromium: p50 and p95 of the gaps between
 * requestAnimationFrame callbacks over a few seconds of a run at top speed, with 200 and with 1000
 * commits in flight, without CPU throttling and with 4× throttling (DevTools protocol
 * Emulation.setCPUThrottlingRate), which stands for a weak classroom laptop.
 *
 * "In flight" means pushed and not in production yet. The run is Continuous Delivery where the learner
 * approves and nobody does, with the hidden `commitsPerDay` address parameter (lib/url/simulatorParams.ts)
 * raised to the target: after the first working day about that many commits are in flight, and
 * the measurement starts once they are. They keep coming while it runs (so the engine works hard
 * all along); the table prints the count at the start and at the end.
 *
 * Targets (issue 3): p95 ≤ 16.7 ms at 200 commits under 4× throttling; p95 ≤ 33 ms at 1000.
 *
 *   npx tsx bench/browser/frames.ts            (also run by `npm run bench`)
 *   BENCH_SECONDS=5 npx tsx bench/browser/frames.ts
 */
import type { Browser } from '@playwright/test';
import { isMain, launchChromium, percentile, printTable, startServer } from './server';

export interface FrameScenario {
  /** The live pipeline of /simulator (default) or /compare's live side by side (four pipelines). */
  page?: 'simulator' | 'compare';
  /** Commits in flight when the measurement starts. */
  commits: number;
  /** CPU slowdown factor (1 = none). */
  throttle: number;
}

export interface FrameResult extends FrameScenario {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  inFlightStart: number;
  inFlightEnd: number;
  /** Simulated minutes that passed during the measurement. */
  simulatedMinutes: number;
  target: number | null;
}

export const DEFAULT_SCENARIOS: readonly FrameScenario[] = [
  { commits: 200, throttle: 1 },
  { commits: 200, throttle: 4 },
  { commits: 1000, throttle: 1 },
  { commits: 1000, throttle: 4 },
  // /compare caps commits at 40 a working day: 200 in flight build up (in the manual release's
  // pipeline) after some simulated days; 1000 are out of its reach.
  { page: 'compare', commits: 200, throttle: 4 },
];

const TARGETS: Record<string, number> = { '200x4': 16.7, '1000x4': 33 };

/**
 * requestAnimationFrame gaps come in whole display frames (16.67 ms at 60 Hz) with a tenth of a
 * millisecond of jitter: 16.8 ms is one frame, 33.3 ms two. A target of 16.7 or 33 ms means one or two
 * frames, so a p95 within half a millisecond of it counts as met.
 */
const VSYNC_TOLERANCE_MS = 0.5;

export function meetsTarget(p95: number, target: number): boolean {
  return p95 <= target + VSYNC_TOLERANCE_MS;
}

async function measure(browser: Browser, baseUrl: string, scenario: FrameScenario, seconds: number): Promise<FrameResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  try {
    if (scenario.page === 'compare') return await measureCompare(page, baseUrl, scenario, seconds);
    const query = `?mode=delivery&approver=learner&seed=1&speed=240&commitsPerDay=${scenario.commits}`;
    await page.goto(`${baseUrl}/simulator${query}`);
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const inFlight = () => page.getByRole('region', { name: 'Pipeline' }).getAttribute('data-in-flight').then(Number);
    const clock = () => page.evaluate(() => document.querySelector('[data-testid="sim-clock"]')?.textContent ?? '');
    await page.waitForFunction((n) => Number(document.querySelector('[aria-label="Pipeline"]')?.getAttribute('data-in-flight') ?? 0) >= n, scenario.commits, {
      timeout: 120_000,
      polling: 100,
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: scenario.throttle });
    // Let the page settle into the throttled pace before measuring.
    await page.waitForTimeout(500);
    const inFlightStart = await inFlight();
    const clockStart = await clock();
    const deltas = await frameGaps(page, seconds);
    const inFlightEnd = await inFlight();
    const clockEnd = await clock();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    return {
      ...scenario,
      frames: deltas.length,
      p50: percentile(deltas, 50),
      p95: percentile(deltas, 95),
      max: Math.max(...deltas),
      inFlightStart,
      inFlightEnd,
      simulatedMinutes: minutesBetween(clockStart, clockEnd),
      target: TARGETS[`${scenario.commits}x${scenario.throttle}`] ?? null,
    };
  } finally {
    await context.close();
  }
}

/**
 * /compare's live side by side: the four modes' pipelines animating the same commit stream at top
 * speed (the page's `commits` parameter, at most 40 a working day). The measurement starts once one
 * of the four diagrams (the slowest mode's) reports `commits` in flight.
 */
async function measureCompare(page: import('@playwright/test').Page, baseUrl: string, scenario: FrameScenario, seconds: number): Promise<FrameResult> {
  await page.goto(`${baseUrl}/compare?modes=manual,ci,delivery,deployment&days=90&seed=1&commits=${scenario.commits}`);
  // The live section loads after the comparison, once scrolled near (a placeholder stands in until then).
  await page.locator('section[data-state="ready"]').waitFor({ timeout: 60_000 });
  await page.getByRole('region', { name: 'Live side by side' }).evaluate((el) => el.scrollIntoView());
  const toolbar = page.getByRole('toolbar', { name: 'Live run' });
  await toolbar.waitFor({ timeout: 60_000 });
  await toolbar.scrollIntoViewIfNeeded();
  await toolbar.getByRole('combobox', { name: 'Speed' }).selectOption('240');
  await toolbar.getByRole('button', { name: 'Play', exact: true }).click();
  const inFlight = () =>
    page.evaluate(() =>
      Math.max(0, ...[...document.querySelectorAll('[aria-roledescription="pipeline diagram"]')].map((d) => Number(d.getAttribute('data-in-flight') ?? 0))),
    );
  await page
    .waitForFunction(
      (n) =>
        Math.max(0, ...[...document.querySelectorAll('[aria-roledescription="pipeline diagram"]')].map((d) => Number(d.getAttribute('data-in-flight') ?? 0))) >=
        n,
      scenario.commits,
      { timeout: 120_000, polling: 100 },
    )
    .catch(() => undefined);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: scenario.throttle });
  await page.waitForTimeout(500);
  const inFlightStart = await inFlight();
  const deltas = await frameGaps(page, seconds);
  const inFlightEnd = await inFlight();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return {
    ...scenario,
    frames: deltas.length,
    p50: percentile(deltas, 50),
    p95: percentile(deltas, 95),
    max: Math.max(...deltas),
    inFlightStart,
    inFlightEnd,
    simulatedMinutes: NaN,
    target: TARGETS[`${scenario.commits}x${scenario.throttle}`] ?? null,
  };
}

/** Gaps between requestAnimationFrame callbacks over `seconds`. */
async function frameGaps(page: import('@playwright/test').Page, seconds: number): Promise<number[]> {
  // A string, not a function: tsx would wrap a function's inner helpers in a __name() the page lacks.
  return (await page.evaluate(`new Promise((resolve) => {
    const gaps = [];
    let last, start;
    const frame = (t) => {
      if (start === undefined) start = t;
      if (last !== undefined) gaps.push(t - last);
      last = t;
      if (t - start < ${seconds * 1000}) requestAnimationFrame(frame);
      else resolve(gaps);
    };
    requestAnimationFrame(frame);
  })`)) as number[];
}

/** Minutes between two clock readings like "Tue 14:05, day 2". */
function minutesBetween(a: string, b: string): number {
  const parse = (s: string) => {
    const m = /(\d{2}):(\d{2}), day (\d+)/.exec(s);
    return m ? (Number(m[3]) - 1) * 1440 + Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  return parse(b) - parse(a);
}

/** Runs the scenarios against a fresh production server and returns the measurements. */
export async function measureFrames(options: { scenarios?: readonly FrameScenario[]; seconds?: number } = {}): Promise<FrameResult[]> {
  const seconds = options.seconds ?? Number(process.env.BENCH_SECONDS ?? 4);
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const results: FrameResult[] = [];
    // BENCH_FRAMES=compare (or simulator) runs only that page's scenarios.
    const only = process.env.BENCH_FRAMES;
    for (const scenario of (options.scenarios ?? DEFAULT_SCENARIOS).filter((s) => !only || (s.page ?? 'simulator') === only)) {
      results.push(await measure(browser, server.baseUrl, scenario, seconds));
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function printFrames(results: readonly FrameResult[]): void {
  printTable(
    'Live pipeline frame times (requestAnimationFrame gaps, headless Chromium, 1280×720, top speed)',
    ['commits in flight', 'CPU', 'frames', 'p50 ms', 'p95 ms', 'max ms', 'target p95', 'in flight start→end', 'sim min'],
    results.map((r) => [
      `${r.page === 'compare' ? '/compare live ' : ''}${r.commits}`,
      r.throttle === 1 ? 'no throttling' : `${r.throttle}× slower`,
      String(r.frames),
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.max.toFixed(1),
      r.target === null ? '-' : `≤ ${r.target}${meetsTarget(r.p95, r.target) ? ' met' : ' MISSED'}`,
      `${r.inFlightStart}→${r.inFlightEnd}`,
      Number.isNaN(r.simulatedMinutes) ? '-' : String(r.simulatedMinutes),
    ]),
  );
}

/** `npm run bench` entry point: measure and print. */
export async function run(): Promise<void> {
  printFrames(await measureFrames());
}

if (isMain(import.meta.url)) {
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
