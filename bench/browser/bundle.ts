/**
 * The JavaScript /simulator loads, gzipped, against a bare page that imports only Next, React,
 * XState and React Flow (app/bench/bare, a hidden route kept out of navigation). Next 16 no longer
 * prints First Load JS, so this loads each page in headless Chromium, collects every script it
 * requests until the network is idle (on /simulator also after a moment of playing, which starts the
 * live-metrics worker), and sums their gzip sizes (zlib, default level, as the server compresses
 * them).
 *
 * Target (issues 3 and 13): every route at most 1.15× the bare page; the table has one row per page
 * of bench/browser/vitals.ts.
 *
 *   npx tsx bench/browser/bundle.ts            (also run by `npm run bench`)
 */
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { isMain, launchChromium, printTable, startServer } from './server';
import { VITALS_PAGES } from './vitals';

export interface PageScripts {
  path: string;
  scripts: { url: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  /** gzip of the scripts the page's HTML names (script tags and preloads): its first-load JS. */
  firstLoadGzip: number;
}

export interface BundleResult {
  pages: PageScripts[];
  /** gzip of /simulator divided by gzip of the bare page. */
  ratio: number;
  target: number;
}

export const BUNDLE_TARGET = 1.15;

async function scriptsOf(browser: Browser, baseUrl: string, path: string): Promise<PageScripts> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const pending: Promise<{ url: string; bytes: number; gzip: number } | null>[] = [];
  // Scripts, and anything else that is JavaScript (a Web Worker's script is fetched as "other").
  page.on('response', (response) => {
    const type = response.request().resourceType();
    const isJs = type === 'script' || /\.m?js(\?|$)/.test(new URL(response.url()).pathname);
    if (!isJs || response.status() !== 200) return;
    pending.push(
      response
        .body()
        .then((body) => ({ url: new URL(response.url()).pathname, bytes: body.length, gzip: gzipSync(body).length }))
        .catch(() => null),
    );
  });
  try {
    const documentResponse = await page.goto(`${baseUrl}${path}`, { waitUntil: 'networkidle' });
    const html = (await documentResponse?.text()) ?? '';
    // Play a moment, so code loaded on first use (the live metrics worker) is counted too.
    const play = page.getByRole('button', { name: 'Play', exact: true });
    if (await play.count()) {
      await play.click();
      await page.waitForTimeout(1500);
    }
    // Then until no script has come for a second (at most 10 s): /compare's workers load their
    // chunks one after another with importScripts, after the network first went idle, and a fixed
    // wait counted them in some runs and not in others (15 or 23 scripts, 237 or 338 KB).
    let quietFor = 0;
    for (let waited = 0; quietFor < 1000 && waited < 10_000; waited += 250) {
      const before = pending.length;
      await page.waitForTimeout(250);
      quietFor = pending.length === before ? quietFor + 250 : 0;
    }
    const seen = new Set<string>();
    const scripts = (await Promise.all(pending)).filter((s): s is NonNullable<typeof s> => {
      if (!s || seen.has(s.url)) return false;
      seen.add(s.url);
      return true;
    });
    return {
      path,
      scripts,
      bytes: scripts.reduce((n, s) => n + s.bytes, 0),
      gzip: scripts.reduce((n, s) => n + s.gzip, 0),
      firstLoadGzip: scripts.filter((s) => html.includes(s.url)).reduce((n, s) => n + s.gzip, 0),
    };
  } finally {
    await context.close();
  }
}

export async function measureBundle(): Promise<BundleResult> {
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const bare = await scriptsOf(browser, server.baseUrl, '/bench/bare');
    const pages = [bare];
    for (const path of VITALS_PAGES) pages.push(await scriptsOf(browser, server.baseUrl, path));
    const simulator = pages.find((p) => p.path === '/simulator')!;
    return { pages, ratio: simulator.gzip / bare.gzip, target: BUNDLE_TARGET };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function printBundle(result: BundleResult): void {
  const bare = result.pages[0]!;
  const simulator = result.pages.find((p) => p.path === '/simulator')!;
  printTable(
    'JavaScript loaded by the page (sum over the script requests)',
    ['page', 'scripts', 'raw', 'gzip', 'vs bare', `≤ ${result.target}×`, 'first load gzip', 'vs bare'],
    result.pages.map((p) => {
      const ratio = p.gzip / bare.gzip;
      return [
        p.path,
        String(p.scripts.length),
        kb(p.bytes),
        kb(p.gzip),
        ratio.toFixed(3) + '×',
        p === bare ? '-' : ratio <= result.target ? 'met' : 'MISSED',
        kb(p.firstLoadGzip),
        (p.firstLoadGzip / bare.firstLoadGzip).toFixed(3) + '×',
      ];
    }),
  );
  console.log(
    'gzip: every script the page fetched until the network was idle (and, with a Play button, after playing a moment), prefetches of linked pages included; first load: only the scripts its HTML names.',
  );
  const extra = simulator.gzip - bare.gzip;
  console.log(
    `/simulator adds ${kb(extra)} gzipped to the bare page: ${result.ratio.toFixed(3)}× (target ≤ ${result.target}×, ${
      result.ratio <= result.target ? 'met' : 'MISSED'
    }).`,
  );
  const bareUrls = new Set(bare.scripts.map((s) => s.url));
  const own = simulator.scripts.filter((s) => !bareUrls.has(s.url)).sort((a, b) => b.gzip - a.gzip);
  if (own.length > 0) {
    console.log('Scripts only /simulator loads:');
    for (const s of own) console.log(`  ${kb(s.gzip).padStart(9)}  ${s.url}`);
  }
}

export async function run(): Promise<void> {
  printBundle(await measureBundle());
}

if (isMain(import.meta.url)) {
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
