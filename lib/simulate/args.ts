import { isMode, MODES } from '@/machines/world/modes';
import { CULTURES, defaultSettings, validateSettings, type Culture, type Settings } from '@/machines/world/settings';

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
  --alarm-threshold <P>    error rate that fires the alarm        (default 0.05)
  --approvals-per-day <N>  scheduled approvals, delivery mode     (default 3)
  --release-interval <N>   days between releases (manual 90, ci 7)
  -h, --help               show this help`;

export type ParsedArgs =
  | { kind: 'run'; settings: Settings; json: boolean }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

type Setter = (settings: Settings, value: string) => string | null;

function number(key: keyof Settings, percentAllowed = false): Setter {
  return (settings, raw) => {
    const text = raw.trim();
    const isPercent = percentAllowed && text.endsWith('%');
    const body = isPercent ? text.slice(0, -1) : text;
    if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(body)) return `"${raw}" is not a number`;
    (settings as unknown as Record<string, unknown>)[key] = isPercent ? Number(body) / 100 : Number(body);
    return null;
  };
}

const OPTIONS: Record<string, Setter> = {
  '--mode': (s, v) => {
    if (!isMode(v)) return `unknown mode "${v}": use one of ${MODES.join(', ')}`;
    s.mode = v;
    return null;
  },
  '--days': number('days'),
  '--seed': number('seed'),
  '--commits-per-day': number('commitsPerDay'),
  '--developers': number('developers'),
  '--coverage': number('testCoverage', true),
  '--defect-rate': number('defectRate', true),
  '--alarm-threshold': number('alarmThreshold', true),
  '--approvals-per-day': number('approvalsPerDay'),
  '--release-interval': number('releaseIntervalDays'),
  '--culture': (s, v) => {
    if (!(CULTURES as readonly string[]).includes(v)) return `unknown culture "${v}": use devops or silos`;
    s.culture = v as Culture;
    return null;
  },
  '--monitoring': (s, v) => {
    if (v !== 'on' && v !== 'off') return `--monitoring takes on or off (got "${v}")`;
    s.monitoring = v === 'on';
    return null;
  },
};

const FLAG_FOR: Record<string, keyof Settings> = {
  '--days': 'days',
  '--seed': 'seed',
  '--commits-per-day': 'commitsPerDay',
  '--developers': 'developers',
  '--coverage': 'testCoverage',
  '--defect-rate': 'defectRate',
  '--alarm-threshold': 'alarmThreshold',
  '--approvals-per-day': 'approvalsPerDay',
  '--release-interval': 'releaseIntervalDays',
};

/** Parses `simulate`'s arguments. Every problem comes back as one line naming the argument. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const modeIndex = argv.findIndex((a) => a === '--mode' || a.startsWith('--mode='));
  const modeArg = modeIndex < 0 ? undefined : argv[modeIndex]!.includes('=') ? argv[modeIndex]!.split('=')[1] : argv[modeIndex + 1];
  // Defaults depend on the mode (the release interval), so start from the requested mode's defaults.
  const settings = defaultSettings(modeArg && isMode(modeArg) ? modeArg : 'delivery', 1);
  let json = false;
  let intervalSet = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg === '--no-monitoring') {
      settings.monitoring = false;
      continue;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const setter = OPTIONS[name];
    if (!setter) {
      return { kind: 'error', message: arg.startsWith('-') ? `unknown option ${name} (see --help)` : `unexpected argument "${arg}" (options start with --; see --help)` };
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      return { kind: 'error', message: `${name} needs a value` };
    }
    if (inline === undefined) i++;
    const problem = setter(settings, value);
    if (problem) return { kind: 'error', message: `${name}: ${problem}` };
    if (name === '--release-interval') intervalSet = true;
  }
  if (!intervalSet) settings.releaseIntervalDays = defaultSettings(settings.mode).releaseIntervalDays;
  const checked = validateSettings(settings);
  if (!checked.ok) {
    const flag = Object.entries(FLAG_FOR).find(([, key]) => key === checked.key)?.[0];
    return { kind: 'error', message: flag ? `${flag}: ${checked.error}` : checked.error };
  }
  return { kind: 'run', settings, json };
}
