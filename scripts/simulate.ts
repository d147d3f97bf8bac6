/**
 * `npm run simulate -- --mode <manual|ci|delivery|deployment> --days <N> --seed <S> [--json]`
 * Runs the engine headless: a readable report by default, one JSON object with --json, and for bad
 * arguments one line saying what is wrong and exit code 2.
 */
import { runHeadless, summarize } from "../machines/engine/headless";
import { parseArgs, USAGE } from "../lib/simulate/args";
import { formatReport } from "../lib/simulate/report";

const parsed = parseArgs(process.argv.slice(2));
if (parsed.kind === "help") {
  console.log(USAGE);
} else if (parsed.kind === "error") {
  console.error(`simulate: ${parsed.message}`);
  process.exitCode = 2;
} else {
  // Measured as it runs: a ten-year run keeps a month of history, in bounded memory.
  const result = runHeadless(parsed.settings, { retainDays: 30 });
  console.log(parsed.json ? JSON.stringify(summarize(result), null, 2) : formatReport(result));
}
