/**
 * One ten-year run, in a process of its own so its peak memory is its own: 3650 days at 100 commits a
 * working day, measured as it runs with a month of history kept (as `npm run simulate` runs).
 * Prints one JSON line: { mode, ms, maxRssMB, commits, deployments }.
 */
import { runHeadless } from '../machines/engine/headless';
import { isMode } from '../machines/world/modes';
import { defaultSettings } from '../machines/world/settings';

const mode = process.argv[2] ?? '';
if (!isMode(mode)) {
  console.error(`longRun: mode must be manual, ci, delivery or deployment (got "${mode}")`);
  process.exit(2);
}
const start = performance.now();
const { metrics } = runHeadless({ ...defaultSettings(mode, 1), days: 3650, commitsPerDay: 100 }, { retainDays: 30 });
const ms = performance.now() - start;
// maxRSS is in kilobytes.
const maxRssMB = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ mode, ms, maxRssMB, commits: metrics.commits, deployments: metrics.deployments }));
