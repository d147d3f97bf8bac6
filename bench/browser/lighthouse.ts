/**
 * Lighthouse itself, when it is installed: performance, accessibility and best practices on every
 * page of vitals.ts, with its default mobile profile (simulated slow 4G and 4× CPU) and the system
 * Chromium. Lighthouse is not a dependency (a large tree for one benchmark); vitals.ts takes its load
 * audits through the DevTools protocol instead. To run this one:
 *
 *   npm i --no-save lighthouse@12 && npx tsx bench/browser/lighthouse.ts [/page ...]
 *
 * or point LIGHTHOUSE_BIN at a Lighthouse CLI installed elsewhere. Each page is audited
 * `BENCH_RUNS` times (default 2) and the middle run by performance is printed (the lower of two): its
 * simulated LCP and TBT swing from run to run with the timing of the unthrottled load it starts from.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isMain, printTable, ROOT, startServer } from './server';
import { VITALS_PAGES } from './vitals';

const run$ = promisify(execFile);

/** Categories the issue sets targets on (issue 13): performance ≥ 95, the other two 100. */
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;

export interface LighthouseResult {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  fcp: string;
  lcp: string;
  tbt: string;
  cls: string;
  /** Performance scores of every run, in order. */
  runs: number[];
}

/** The Lighthouse CLI to run, or null when none is installed. */
export function lighthouseCli(): string | null {
  const fromEnv = process.env.LIGHTHOUSE_BIN;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const local = path.join(ROOT, 'node_modules/lighthouse/cli/index.js');
  return existsSync(local) ? local : null;
}

interface Report {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { displayValue?: string }>;
}

async function auditOnce(cli: string, url: string, out: string): Promise<Report> {
  const chrome = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  const flags = '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run';
  const args = [url, '--quiet', '--output=json', `--output-path=${out}`, `--only-categories=${CATEGORIES.join(',')}`, `--chrome-flags=${flags}`];
  // A CLI script runs under this Node; a LIGHTHOUSE_BIN that is a program runs as it is.
  const [file, argv] = cli.endsWith('.js') ? [process.execPath, [cli, ...args]] : [cli, args];
  await run$(file, argv, { env: { ...process.env, CHROME_PATH: chrome }, timeout: 180_000 });
  return JSON.parse(readFileSync(out, 'utf8')) as Report;
}

export async function measureLighthouse(cli: string, options: { pages?: readonly string[]; runs?: number } = {}): Promise<LighthouseResult[]> {
  const runs = options.runs ?? Number(process.env.BENCH_RUNS ?? 2);
  const server = await startServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'pipeline-lab-lighthouse-'));
  try {
    const results: LighthouseResult[] = [];
    for (const page of options.pages ?? VITALS_PAGES) {
      const reports: Report[] = [];
      for (let i = 0; i < runs; i++) reports.push(await auditOnce(cli, `${server.baseUrl}${page}`, path.join(dir, `${results.length}-${i}.json`)));
      const score = (r: Report, c: string) => Math.round((r.categories[c]?.score ?? 0) * 100);
      const byPerf = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
      const median = byPerf[Math.floor((byPerf.length - 1) / 2)]!;
      const shown = (audit: string) => median.audits[audit]?.displayValue ?? '-';
      results.push({
        path: page,
        scores: { performance: score(median, 'performance'), accessibility: score(median, 'accessibility'), 'best-practices': score(median, 'best-practices') },
        fcp: shown('first-contentful-paint'),
        lcp: shown('largest-contentful-paint'),
        tbt: shown('total-blocking-time'),
        cls: shown('cumulative-layout-shift'),
        runs: reports.map((r) => score(r, 'performance')),
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await server.stop();
  }
}

export function printLighthouse(results: readonly LighthouseResult[]): void {
  const met = (r: LighthouseResult) => (r.scores.performance >= 95 && r.scores.accessibility === 100 && r.scores['best-practices'] === 100 ? 'met' : 'MISSED');
  printTable(
    `Lighthouse, mobile (simulated slow 4G, 4× CPU): of ${results[0]?.runs.length ?? 0} runs, the middle by performance (the lower when even)`,
    ['page', 'perf', 'a11y', 'best pr.', 'FCP', 'LCP', 'TBT', 'CLS', 'perf of each run', 'targets'],
    results.map((r) => [
      r.path,
      String(r.scores.performance),
      String(r.scores.accessibility),
      String(r.scores['best-practices']),
      r.fcp,
      r.lcp,
      r.tbt,
      r.cls,
      r.runs.join(', '),
      met(r),
    ]),
  );
}

export async function run(): Promise<void> {
  const cli = lighthouseCli();
  if (!cli) {
    console.log('Lighthouse: not installed, skipped (npm i --no-save lighthouse@12, or set LIGHTHOUSE_BIN); vitals.ts above takes its load audits.');
    return;
  }
  printLighthouse(await measureLighthouse(cli));
}

if (isMain(import.meta.url)) {
  const pages = process.argv.slice(2).filter((a) => a.startsWith('/'));
  const cli = lighthouseCli();
  if (!cli) {
    console.error('Lighthouse is not installed: npm i --no-save lighthouse@12 (or set LIGHTHOUSE_BIN to its CLI).');
    process.exitCode = 1;
  } else {
    measureLighthouse(cli, pages.length > 0 ? { pages } : {})
      .then(printLighthouse)
      .catch((error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
      });
  }
}
