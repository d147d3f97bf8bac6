/**
 * `npm run bench`: speed and memory targets, measured (never asserted by timed tests).
 *   --engine-only   skip the browser benchmarks
 */
import { existsSync } from 'node:fs';
import { benchEngine, benchLongRuns, printEngine, printLongRuns } from './engineBench';
import { benchIac, printIac } from './iacBench';

async function main() {
  const engineOnly = process.argv.includes('--engine-only');
  printEngine(benchEngine());
  console.log('');
  printLongRuns(benchLongRuns());
  console.log('');
  printIac(benchIac());
  if (engineOnly) return;
  // Browser benchmarks live beside the views they measure; each exports `run()` and prints its table.
  for (const file of ['browser/frames.ts', 'browser/bundle.ts', 'browser/compare.ts', 'browser/moments.ts']) {
    const path = new URL(`./${file}`, import.meta.url);
    if (!existsSync(path)) continue;
    console.log('');
    const mod = (await import(path.href)) as { run?: () => Promise<void> };
    if (typeof mod.run === 'function') await mod.run();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
