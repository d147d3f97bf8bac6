/**
 * Soak benchmark (issue 14): plays /simulator at top speed (240 simulated minutes per second) for a
 * chosen number of minutes in headless Chromium against the production build, and reports the
 * JavaScript heap after garbage collection, the DOM nodes and the page errors at the start and at
 * the end, with a sample each minute. Targets: heap end/start ≤ 1.2, no page error.
 *
 *   npm run bench -- --soak [minutes]     (default 30)
 *   npx tsx bench/browser/soak.ts [minutes]
 */
import type { CDPSession, Page } from '@playwright/test';
import { isMain, launchChromium, printTable, startServer } from './server';

const HEAP_TARGET = 1.2;
const ADDRESS = '/simulator?mode=delivery&approver=scheduled&seed=1&speed=240';

export interface SoakSample {
  minute: number;
  heapMB: number;
  domNodes: number;
  listeners: number;
  clock: string;
  errors: number;
}

/** Heap in use after a full garbage collection, and the DOM's counters. */
async function measure(cdp: CDPSession, page: Page, minute: number, errors: number): Promise<SoakSample> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const clock = await page.getByTestId('sim-clock').innerText();
  return { minute, heapMB: usedSize / 1024 / 1024, domNodes: counters.nodes, listeners: counters.jsEventListeners, clock, errors };
}

export async function soak(minutes: number, onSample: (s: SoakSample) => void = () => {}): Promise<{ samples: SoakSample[]; errors: string[] }> {
  const server = await startServer();
  const browser = await launchChromium();
  const errors: string[] = [];
  const samples: SoakSample[] = [];
  try {
    // As a learner has it, service worker included (it precaches during the warm-up below).
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.baseUrl}${ADDRESS}`);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await play.click();
    // Warm up: the first seconds load code and fill the caches every run has.
    await page.waitForTimeout(10_000);
    const record = async (minute: number) => {
      const sample = await measure(cdp, page, minute, errors.length);
      samples.push(sample);
      onSample(sample);
    };
    await record(0);
    const end = Date.now() + minutes * 60_000;
    let nextSample = Date.now() + 60_000;
    while (Date.now() < end) {
      await page.waitForTimeout(Math.max(0, Math.min(nextSample, end) - Date.now()));
      // Playing stops only if something asked it to; keep it playing.
      if (await play.isVisible()) await play.click();
      if (Date.now() >= nextSample && Date.now() < end) {
        await record(Math.round((Date.now() - (end - minutes * 60_000)) / 60_000));
        nextSample += 60_000;
      }
    }
    await record(minutes);
  } finally {
    await browser.close();
    await server.stop();
  }
  return { samples, errors };
}

export function printSoak(minutes: number, { samples, errors }: { samples: SoakSample[]; errors: string[] }): void {
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const ratio = last.heapMB / first.heapMB;
  printTable(
    `Soak: /simulator at top speed for ${minutes} min (target: heap end/start ≤ ${HEAP_TARGET}, no page errors)`,
    ['minute', 'virtual clock', 'heap after GC', 'DOM nodes', 'listeners', 'errors'],
    samples.map((s) => [String(s.minute), s.clock, `${s.heapMB.toFixed(1)} MB`, String(s.domNodes), String(s.listeners), String(s.errors)]),
  );
  console.log(
    `heap end/start ${ratio.toFixed(2)} (${ratio <= HEAP_TARGET ? 'met' : 'MISSED'}), DOM nodes ${first.domNodes} → ${last.domNodes}, page errors ${errors.length} (${errors.length === 0 ? 'met' : 'MISSED'})`,
  );
  for (const error of errors.slice(0, 5)) console.log(`  error: ${error}`);
}

/** Minutes from the command line: the number after `--soak` (or the first argument), default 30. */
export function soakMinutes(argv: readonly string[]): number {
  const at = argv.indexOf('--soak');
  const raw = at >= 0 ? argv[at + 1] : argv[2];
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : 30;
}

if (isMain(import.meta.url)) {
  const minutes = soakMinutes(process.argv);
  soak(minutes, (s) => console.log(`  minute ${s.minute}: heap ${s.heapMB.toFixed(1)} MB, ${s.domNodes} DOM nodes, ${s.errors} errors`))
    .then((result) => printSoak(minutes, result))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
