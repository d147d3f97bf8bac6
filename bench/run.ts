/**
 * `npm run bench`: speed and memory targets, measured (never asserted by timed tests).
 *   --engine-only   skip the browser benchmarks
 *   --soak [min]    only the soak: /simulator at top speed for [min] minutes (default 30), heap and errors
 */
import { existsSync } from 'node:fs';
import { benchEngine, benchLongRuns, printEngine, printLongRuns } from './engineBench';
import { printSoak, soak, soakMinutes } from './browser/soak';
import { benchIac, printIac } from './iacBench';

async function main() {
  if (process.argv.includes('--soak')) {
    const minutes = soakMinutes(process.argv);
    const progress = (s: { minute: number; heapMB: number; domNodes: number; errors: number }) =>
      console.log(`  minute ${s.minute}: heap ${s.heapMB.toFixed(1)} MB, ${s.domNodes} DOM nodes, ${s.errors} errors`);
    printSoak(minutes, await soak(minutes, progress));
    return;
  }
  const engineOnly = process.argv.includes('--engine-only');
  printEngine(benchEngine());
  console.log('');
  printLongRuns(benchLongRuns());
  console.log('');
  printIac(benchIac());
  if (engineOnly) return;
  // Browser benchmarks live beside the views they measure; each exports `run()` and prints its table.
  for (const file of ['browser/vitals.ts', 'browser/lighthouse.ts', 'browser/frames.ts', 'browser/bundle.ts', 'browser/compare.ts', 'browser/moments.ts']) {
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
