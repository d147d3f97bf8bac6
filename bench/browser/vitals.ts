/**
 * Lighthouse's load audits, taken through Playwright and the DevTools protocol (no Lighthouse install):
 * every page loaded as a new visitor on a phone-sized screen with 4× CPU slowdown (Lighthouse's mobile
 * profile: 412×823 at 1.75 device pixels, touch, `Emulation.setCPUThrottlingRate` 4), and from the page's
 * own performance entries:
 *   - FCP and LCP (paint and largest-contentful-paint entries)
 *   - CLS: the largest session window of layout shifts (gaps < 1 s, windows ≤ 5 s), as Lighthouse
 *     counts it. Every shift counts: nobody touches the page during the load, and Chromium marks
 *     shifts under mobile emulation as "had recent input" anyway (Lighthouse counts them too)
 *   - TBT: the sum over long tasks after FCP of the time beyond 50 ms, until the page has been quiet
 *     (no long task) for 3 s or 15 s have passed, as Lighthouse counts it up to Time to Interactive
 *   - a performance score estimated with Lighthouse 12's mobile curves and weights for FCP, LCP, TBT
 *     and CLS (Speed Index is not measured; its weight is shared out), so it reads like Lighthouse's
 *     number but is not it. The network is throttled as Lighthouse's "devtools" mode does (slow 4G:
 *     562.5 ms round trip, 1.47 Mbit/s), so the first paint comes before the scripts as on a phone
 *     (without it the local server delivers everything before the first paint and hides shifts).
 * Each page is loaded `BENCH_RUNS` times (default 3) and the table prints medians.
 *
 * Targets (issue 13): TBT ≤ 150 ms and CLS ≤ 0.02 on every page.
 *
 *   npx tsx bench/browser/vitals.ts                  (also run by `npm run bench`)
 *   BENCH_RUNS=2 npx tsx bench/browser/vitals.ts /simulator /compare
 */
import type { Browser } from '@playwright/test';
import { isMain, launchChromium, percentile, printTable, startServer } from './server';

export const VITALS_PAGES = [
  '/',
  '/simulator',
  '/simulator/monitoring',
  '/simulator/team',
  '/simulator/infrastructure',
  '/compare',
  '/learn',
  '/learn/anatomy-of-a-pipeline',
  '/learn/facilitator',
  '/present/notes',
] as const;

export const TBT_TARGET_MS = 150;
export const CLS_TARGET = 0.02;

export interface Vitals {
  fcp: number;
  lcp: number;
  cls: number;
  tbt: number;
  longTasks: number;
  longestTask: number;
  score: number;
}

export interface PageVitals {
  path: string;
  runs: Vitals[];
  median: Vitals;
}

/** Registered before any of the page's scripts: collects the entries the audits need. */
const OBSERVE = `(() => {
  const v = (window.__vitals = { paints: [], lcp: 0, shifts: [], tasks: [] });
  const on = (type, fn) => { try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch {} };
  on('paint', (e) => v.paints.push({ name: e.name, t: e.startTime }));
  on('largest-contentful-paint', (e) => { v.lcp = Math.max(v.lcp, e.startTime); });
  on('layout-shift', (e) => v.shifts.push({ t: e.startTime, value: e.value }));
  on('longtask', (e) => v.tasks.push({ t: e.startTime, d: e.duration }));
})();`;

interface Collected {
  paints: { name: string; t: number }[];
  lcp: number;
  shifts: { t: number; value: number }[];
  tasks: { t: number; d: number }[];
}

/** The largest session window of layout shifts (1 s gap, 5 s cap). */
export function clsOf(shifts: readonly { t: number; value: number }[]): number {
  let max = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of [...shifts].sort((a, b) => a.t - b.t)) {
    if (s.t - last > 1000 || s.t - first > 5000) {
      current = 0;
      first = s.t;
    }
    current += s.value;
    last = s.t;
    max = Math.max(max, current);
  }
  return max;
}

// Lighthouse 12 mobile scoring curves (p10, median) and weights; Speed Index's 10 % shared out.
const CURVES = {
  fcp: { p10: 1800, median: 3000, weight: 10 },
  lcp: { p10: 2500, median: 4000, weight: 25 },
  tbt: { p10: 200, median: 600, weight: 30 },
  cls: { p10: 0.1, median: 0.25, weight: 25 },
} as const;

function erfc(x: number): number {
  // Abramowitz and Stegun 7.1.26 (error < 1.5e-7).
  const z = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * z);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
  return x >= 0 ? y : 2 - y;
}

function logNormalScore(value: number, p10: number, median: number): number {
  if (value <= 0) return 1;
  const standardized = (Math.log(value / median) * 0.9061938024368232) / -Math.log(p10 / median);
  return Math.min(1, Math.max(0, erfc(standardized) / 2));
}

export function estimateScore(v: Omit<Vitals, 'score'>): number {
  let sum = 0;
  let weights = 0;
  for (const [key, curve] of Object.entries(CURVES) as [keyof typeof CURVES, (typeof CURVES)[keyof typeof CURVES]][]) {
    sum += logNormalScore(v[key], curve.p10, curve.median) * curve.weight;
    weights += curve.weight;
  }
  return Math.round((sum / weights) * 100);
}

async function measureOnce(browser: Browser, url: string): Promise<Vitals> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  try {
    await page.addInitScript(OBSERVE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // Lighthouse's "devtools" slow 4G: 562.5 ms round trip, 1.47 Mbit/s down, 0.68 up.
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 562.5,
      downloadThroughput: (1474.56 * 1024) / 8,
      uploadThroughput: (675 * 1024) / 8,
    });
    // Until the network has been idle (scripts loaded on demand too) and the main thread quiet (no
    // long task) for 3 s, at most 20 s after the network went idle.
    await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    const idleAt = (await page.evaluate('performance.now()')) as number;
    const started = Date.now();
    for (;;) {
      await page.waitForTimeout(500);
      const lastEnd = (await page.evaluate(`Math.max(${idleAt}, ...window.__vitals.tasks.map((x) => x.t + x.d))`)) as number;
      const now = (await page.evaluate('performance.now()')) as number;
      if (now - lastEnd >= 3000 || Date.now() - started > 20_000) break;
    }
    const v = (await page.evaluate('window.__vitals')) as Collected;
    const fcp = v.paints.find((p) => p.name === 'first-contentful-paint')?.t ?? NaN;
    const after = v.tasks.filter((task) => task.t + task.d > fcp);
    const tbt = after.reduce((sum, task) => sum + Math.max(0, task.d - Math.max(0, fcp - task.t) - 50), 0);
    const base = { fcp, lcp: v.lcp || fcp, cls: clsOf(v.shifts), tbt, longTasks: after.length, longestTask: Math.max(0, ...after.map((task) => task.d)) };
    return { ...base, score: estimateScore(base) };
  } finally {
    await context.close();
  }
}

function medianOf(runs: readonly Vitals[]): Vitals {
  const m = (key: keyof Vitals) =>
    percentile(
      runs.map((r) => r[key]),
      50,
    );
  return { fcp: m('fcp'), lcp: m('lcp'), cls: m('cls'), tbt: m('tbt'), longTasks: m('longTasks'), longestTask: m('longestTask'), score: m('score') };
}

export async function measureVitals(options: { pages?: readonly string[]; runs?: number } = {}): Promise<PageVitals[]> {
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 3);
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const results: PageVitals[] = [];
    for (const path of options.pages ?? VITALS_PAGES) {
      const samples: Vitals[] = [];
      for (let i = 0; i < runs; i++) samples.push(await measureOnce(browser, `${server.baseUrl}${path}`));
      results.push({ path, runs: samples, median: medianOf(samples) });
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}

export function printVitals(results: readonly PageVitals[]): void {
  const ms = (n: number) => `${Math.round(n)}`;
  const range = (r: PageVitals, key: keyof Vitals, f: (n: number) => string) => {
    const values = r.runs.map((x) => x[key]);
    return `${f(r.median[key])} (${f(Math.min(...values))}-${f(Math.max(...values))})`;
  };
  printTable(
    `Load audits, phone profile (412×823, 4× CPU, slow 4G), median (min-max) of ${results[0]?.runs.length ?? 0} loads`,
    ['page', 'score est.', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'long tasks', 'longest ms', 'targets'],
    results.map((r) => [
      r.path,
      range(r, 'score', (n) => String(Math.round(n))),
      range(r, 'fcp', ms),
      range(r, 'lcp', ms),
      range(r, 'tbt', ms),
      range(r, 'cls', (n) => n.toFixed(3)),
      String(r.median.longTasks),
      ms(r.median.longestTask),
      `TBT ${r.median.tbt <= TBT_TARGET_MS ? 'met' : 'MISSED'}, CLS ${r.median.cls <= CLS_TARGET ? 'met' : 'MISSED'}`,
    ]),
  );
}

export async function run(): Promise<void> {
  printVitals(await measureVitals());
}

if (isMain(import.meta.url)) {
  const pages = process.argv.slice(2).filter((a) => a.startsWith('/'));
  measureVitals(pages.length > 0 ? { pages } : {})
    .then(printVitals)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
