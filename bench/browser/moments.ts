/**
 * Moments benchmark: how long "Next moment" takes to run a manual-release run from Monday 00:00 of
 * day 0 to release day (about 89 days of virtual time, every commit built and tested on the way), in
 * headless Chromium against the production build, with only "Release day comes" chosen. Target:
 * under 2 s of real time, so a presenter can jump there in front of a class.
 *
 *   npx tsx bench/browser/moments.ts [--runs N]
 */
import { isMain, launchChromium, percentile, printTable, startServer } from './server';

const TARGET_MS = 2000;

export async function benchMoments({ runs = 5 }: { runs?: number } = {}): Promise<number[]> {
  const server = await startServer();
  const browser = await launchChromium();
  const samples: number[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    for (let i = 0; i < runs; i++) {
      await page.goto(`${server.baseUrl}/simulator?mode=manual&seed=${i + 1}`);
      await page.getByRole('button', { name: 'Stop at' }).click();
      await page.getByRole('menuitemcheckbox', { name: 'Release day comes' }).click();
      await page.keyboard.press('Escape');
      const started = Date.now();
      await page.getByRole('button', { name: 'Next moment' }).click();
      await page.getByTestId('moment-caption').filter({ hasText: 'Stopped at: release day comes' }).waitFor({ timeout: 60_000 });
      samples.push(Date.now() - started);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return samples;
}

export function printMoments(samples: number[]): void {
  const ms = (v: number) => `${Math.round(v)} ms`;
  printTable(
    `Jump to release day, manual release from day 0 (target < ${TARGET_MS} ms)`,
    ['runs', 'median', 'p95', 'max', 'target'],
    [
      [
        String(samples.length),
        ms(percentile(samples, 50)),
        ms(percentile(samples, 95)),
        ms(Math.max(...samples)),
        percentile(samples, 50) < TARGET_MS ? 'met' : 'MISSED',
      ],
    ],
  );
}

/** Entry for `npm run bench` (bench/run.ts). */
export async function run(): Promise<void> {
  printMoments(await benchMoments());
}

if (isMain(import.meta.url)) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 5;
  benchMoments({ runs: Number.isFinite(runs) && runs > 0 ? runs : 5 })
    .then(printMoments)
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
}
