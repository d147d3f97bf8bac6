import { defaultSettings, validateSettings, type Settings } from "@/machines/world/settings";
import {
  cultureText,
  deployConfigText,
  evaluationPeriodsText,
  fractionText,
  iacText,
  learningText,
  modeText,
  monitoringText,
  numberRule,
  readText,
  settingText,
  type TextSchema,
} from "@/machines/world/settingsSchema";

export const USAGE = `Usage: npm run simulate -- [options]

Runs Pipeline Lab headless and prints a report of the DORA four keys.

Options:
  --mode <m>               manual | ci | delivery | deployment   (default delivery)
  --days <N>               days to simulate, 1-3650               (default 90)
  --seed <S>               whole number 0-4294967295              (default 1)
  --json                   print one JSON object instead of the report
  --commits-per-day <N>    commits the team pushes a working day  (default 12)
  --developers <N>         developers on the team, 1-12           (default 5)
  --coverage <P>           test coverage, 0-1 or a percentage     (default 0.7)
  --defect-rate <P>        chance a commit hides a defect         (default 0.1)
  --culture <c>            devops | silos                         (default devops)
  --monitoring <on|off>    alarms on production                   (default on)
  --no-monitoring          same as --monitoring off
  --learning <on|off>      postmortems add tests as the run goes  (default on)
  --no-learning            same as --learning off
  --alarm-threshold <P>    error rate that fires the alarm        (default 0.05)
  --approvals-per-day <N>  scheduled approvals, delivery mode     (default 3)
  --iac <on|off>           environments from the stack's template (on), or configured
                           by hand and drifting by themselves (off)  (default on)
  --deploy-config <name>   CodeDeploy config: AllAtOnce | HalfAtATime | OneAtATime |
                           Canary10Percent5Minutes | Canary10Percent15Minutes |
                           Linear10PercentEvery1Minute | Linear10PercentEvery3Minutes  (default AllAtOnce)
  --alarm-evaluation-periods <N>  minutes over the threshold before the alarm fires, 1-10 (default 3)
  --release-interval <N>   days between releases (manual 90, ci 7; delivery: over 1
                           approves once per interval instead of N times a day)
  -h, --help               show this help`;

export type ParsedArgs = { kind: "run"; settings: Settings; json: boolean } | { kind: "help" } | { kind: "error"; message: string };

/** The setting each option sets, and the shared text rule it is read with (machines/world/settingsSchema.ts). */
interface Option {
  key: keyof Settings;
  schema: TextSchema<unknown>;
}

const option = (key: keyof Settings, schema: TextSchema<unknown>): Option => ({ key, schema });
/** A numeric setting with the engine's range. */
const numeric = (key: keyof Settings) => option(key, settingText(key));
/** A fraction, also as a percentage ("85%"). */
const fraction = (key: keyof Settings) => option(key, fractionText(numberRule(key)));

const OPTIONS: Record<string, Option> = {
  "--mode": option("mode", modeText),
  "--days": numeric("days"),
  "--seed": numeric("seed"),
  "--commits-per-day": numeric("commitsPerDay"),
  "--developers": numeric("developers"),
  "--coverage": fraction("testCoverage"),
  "--defect-rate": fraction("defectRate"),
  "--alarm-threshold": fraction("alarmThreshold"),
  "--approvals-per-day": numeric("approvalsPerDay"),
  "--release-interval": numeric("releaseIntervalDays"),
  "--culture": option("culture", cultureText),
  "--monitoring": option("monitoring", monitoringText),
  "--learning": option("learning", learningText),
  "--iac": option("iac", iacText),
  "--deploy-config": option("deployConfig", deployConfigText),
  "--alarm-evaluation-periods": option("alarmEvaluationPeriods", evaluationPeriodsText),
};

/** Parses `simulate`'s arguments. Every problem comes back as one line naming the argument. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const modeIndex = argv.findIndex((a) => a === "--mode" || a.startsWith("--mode="));
  const modeArg = modeIndex < 0 ? undefined : argv[modeIndex]!.includes("=") ? argv[modeIndex]!.split("=")[1] : argv[modeIndex + 1];
  const mode = modeArg === undefined ? undefined : readText(modeText, modeArg);
  // Defaults depend on the mode (the release interval), so start from the requested mode's defaults.
  const settings = defaultSettings(mode?.ok ? mode.value : "delivery", 1);
  let json = false;
  let intervalSet = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") return { kind: "help" };
    if (arg === "--json") {
      json = true;
      continue;
    }
    if (arg === "--no-monitoring") {
      settings.monitoring = false;
      continue;
    }
    if (arg === "--no-learning") {
      settings.learning = false;
      continue;
    }
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const known = OPTIONS[name];
    if (!known) {
      return {
        kind: "error",
        message: arg.startsWith("-") ? `unknown option ${name} (see --help)` : `unexpected argument "${arg}" (options start with --; see --help)`,
      };
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith("--"))) {
      return { kind: "error", message: `${name} needs a value` };
    }
    if (inline === undefined) i++;
    const read = readText(known.schema, value);
    if (!read.ok) return { kind: "error", message: `${name}: ${read.message}` };
    (settings as unknown as Record<string, unknown>)[known.key] = read.value;
    if (name === "--release-interval") intervalSet = true;
  }
  if (!intervalSet) settings.releaseIntervalDays = defaultSettings(settings.mode).releaseIntervalDays;
  // Every option was checked as it was read; this catches what no single option holds (working hours).
  const checked = validateSettings(settings);
  if (!checked.ok) {
    const flag = Object.entries(OPTIONS).find(([, o]) => o.key === checked.key)?.[0];
    return { kind: "error", message: flag ? `${flag}: ${checked.error}` : checked.error };
  }
  return { kind: "run", settings, json };
}
