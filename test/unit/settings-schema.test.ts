import { describe, expect, it } from 'vitest';
import { parseCompareUrl } from '@/lib/compare/url';
import { parseArgs } from '@/lib/simulate/args';
import { parseSimulatorParams } from '@/lib/url/simulatorParams';
import { NUMERIC_SETTINGS } from '@/machines/world/settings';
import { shownText } from '@/machines/world/settingsSchema';
import { SETTING_TEXT, readText, settingText } from '@/machines/world/settingsSchema';

/**
 * The three readers of settings from outside (/simulator's address, /compare's address, the simulate
 * command line) must accept and refuse the same text with the same sentence. Each frames the sentence
 * its own way: the pages add what stands in ("; using 42."), the CLI puts the flag in front ("--seed: ").
 */
type Read = { ok: true; value: unknown } | { ok: false; message: string };

/** The shared sentence inside a page's notice: everything before "; <what stands in>." */
function core(message: string): string {
  const match = /^(.*\(got ".*"\)); [^;]*\.$/s.exec(message);
  if (!match) throw new Error(`notice not in the shared form: ${message}`);
  return match[1]!;
}

function viaSimulator(param: string, raw: string, pick: (c: ReturnType<typeof parseSimulatorParams>['config']) => unknown): Read {
  const { config, notices } = parseSimulatorParams(new URLSearchParams([[param, raw]]));
  const notice = notices.find((n) => n.param === param);
  return notice ? { ok: false, message: core(notice.message) } : { ok: true, value: pick(config) };
}

function viaCompare(param: string, raw: string, pick: (s: ReturnType<typeof parseCompareUrl>['settings']) => unknown): Read {
  const { settings, problems } = parseCompareUrl(new URLSearchParams([[param, raw]]));
  const problem = problems.find((p) => p.param === param);
  // The value as the notice shows it: shortened, control characters written out.
  if (problem) expect(problem.value).toBe(shownText(raw));
  return problem ? { ok: false, message: core(problem.message) } : { ok: true, value: pick(settings) };
}

function viaCli(flag: string, raw: string, pick: (s: Extract<ReturnType<typeof parseArgs>, { kind: 'run' }>['settings']) => unknown): Read {
  const parsed = parseArgs([flag, raw]);
  if (parsed.kind === 'help') throw new Error('unexpected help');
  if (parsed.kind === 'run') return { ok: true, value: pick(parsed.settings) };
  expect(parsed.message.startsWith(`${flag}: `)).toBe(true);
  return { ok: false, message: parsed.message.slice(flag.length + 2) };
}

const SEED = 'seed must be a whole number from 0 to 4294967295';
const MODE = 'mode must be one of manual, ci, delivery, deployment';

describe('one rule for the seed, in the three readers', () => {
  const table: [raw: string, expected: number | string][] = [
    ['0', 0],
    ['42', 42],
    ['007', 7],
    ['4294967295', 4294967295],
    ['0x10', `${SEED} (got "0x10")`],
    ['1e3', `${SEED} (got "1e3")`],
    [' 5 ', `${SEED} (got " 5 ")`],
    ['', `${SEED} (got "")`],
    ['-1', `${SEED} (got "-1")`],
    ['+5', `${SEED} (got "+5")`],
    ['5.5', `${SEED} (got "5.5")`],
    ['.5', `${SEED} (got ".5")`],
    ['5.', `${SEED} (got "5.")`],
    ['4294967296', `${SEED} (got "4294967296")`],
    ['Infinity', `${SEED} (got "Infinity")`],
    ['NaN', `${SEED} (got "NaN")`],
    ['12abc', `${SEED} (got "12abc")`],
  ];
  it.each(table)('seed %j', (raw, expected) => {
    const want: Read = typeof expected === 'number' ? { ok: true, value: expected } : { ok: false, message: expected };
    expect(viaSimulator('seed', raw, (c) => c.seed)).toEqual(want);
    expect(viaCompare('seed', raw, (s) => s.seed)).toEqual(want);
    expect(viaCli('--seed', raw, (s) => s.seed)).toEqual(want);
    expect(readText(settingText('seed'), raw)).toEqual(want.ok ? { ok: true, value: want.value } : { ok: false, message: want.message });
  });
});

describe('one rule for the mode, in the three readers', () => {
  // /compare takes a list of modes, so each value is read there next to "manual". An empty value is
  // left out: in a list it means "no modes" and gets the list's own message (pick 2 to 4).
  const table: [raw: string, expected: string][] = [
    ['ci', 'ci'],
    ['DEPLOYMENT', 'deployment'],
    ['Delivery', 'delivery'],
    ['bogus', `${MODE} (got "bogus")`],
    ['waterfall', `${MODE} (got "waterfall")`],
    [' ci', `${MODE} (got " ci")`],
    ['1', `${MODE} (got "1")`],
  ];
  it.each(table)('mode %j', (raw, expected) => {
    const accepted = !expected.includes(' must ');
    const want: Read = accepted ? { ok: true, value: expected } : { ok: false, message: expected };
    expect(viaSimulator('mode', raw, (c) => c.mode)).toEqual(want);
    expect(viaCli('--mode', raw, (s) => s.mode)).toEqual(want);
    const compare = parseCompareUrl(new URLSearchParams([['mode', `${raw},manual`]]));
    if (accepted) {
      expect(compare.problems).toEqual([]);
      expect(compare.settings.modes).toContain(expected);
    } else {
      expect(compare.problems.map((p) => core(p.message))).toEqual([expected]);
    }
  });
});

describe('one rule for commits per day, in the three readers', () => {
  // Each reader has its own range (the simulator's hidden benchmark knob goes to 2000, the comparison
  // to 40, the engine to 1000); the text rule and the sentence's form are the same. Values inside all three.
  it.each([
    ['12', 12],
    ['2.5', 2.5],
    ['40', 40],
    ['0x10', null],
    ['1e1', null],
    [' 5 ', null],
    ['', null],
    ['-1', null],
    ['Infinity', null],
  ] as const)('commits per day %j', (raw, value) => {
    const reads = [
      viaSimulator('commitsPerDay', raw, (c) => c.commitsPerDay),
      viaCompare('commits', raw, (s) => s.commitsPerDay),
      viaCli('--commits-per-day', raw, (s) => s.commitsPerDay),
    ];
    for (const read of reads) {
      if (value !== null) expect(read).toEqual({ ok: true, value });
      else {
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.message).toMatch(new RegExp(`^commits per day must be a number from \\d+ to \\d+ \\(got "${raw}"\\)$`));
      }
    }
  });
});

describe('culture and monitoring, in the comparison and the CLI', () => {
  it.each([
    ['silos', 'silos'],
    ['DevOps', 'devops'],
    ['chaos', 'culture must be devops or silos (got "chaos")'],
    ['', 'culture must be devops or silos (got "")'],
    [' silos', 'culture must be devops or silos (got " silos")'],
  ])('culture %j', (raw, expected) => {
    const want: Read = expected.includes(' must ') ? { ok: false, message: expected } : { ok: true, value: expected };
    expect(viaCompare('culture', raw, (s) => s.culture)).toEqual(want);
    expect(viaCli('--culture', raw, (s) => s.culture)).toEqual(want);
  });

  it.each([
    ['on', true],
    ['off', false],
    ['true', true],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['yes', true],
    ['no', false],
    ['maybe', 'monitoring must be on or off (got "maybe")'],
    ['', 'monitoring must be on or off (got "")'],
    // Written out: a raw NUL reads differently in the server's HTML and the browser's.
    ['\u0000', 'monitoring must be on or off (got "\\u0000")'],
    ['on\n', 'monitoring must be on or off (got "on\\u000a")'],
    [' on', 'monitoring must be on or off (got " on")'],
  ] as const)('monitoring %j', (raw, expected) => {
    const want: Read = typeof expected === 'boolean' ? { ok: true, value: expected } : { ok: false, message: expected };
    // The comparison's default is on; start the CLI from off so "on" is seen to change something.
    expect(viaCompare('monitoring', raw, (s) => s.monitoring)).toEqual(want);
    const cli = parseArgs(['--no-monitoring', '--monitoring', raw]);
    if (want.ok) expect(cli.kind === 'run' && cli.settings.monitoring).toBe(want.value);
    else expect(cli).toEqual({ kind: 'error', message: `--monitoring: ${want.message}` });
  });
});

describe('the rules come from NUMERIC_SETTINGS', () => {
  it('has a text rule for every numeric setting', () => {
    expect(Object.keys(SETTING_TEXT).sort()).toEqual(NUMERIC_SETTINGS.map((s) => s.key).sort());
  });

  it.each(NUMERIC_SETTINGS.map((s) => [s.key, s] as const))('%s: range, whole numbers and words from the table', (key, spec) => {
    const schema = settingText(key);
    const unit = spec.unit && spec.unit !== spec.label ? ` ${spec.unit}` : '';
    const message = (raw: string) =>
      `${spec.label} must be ${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}${unit} (got "${raw}")`;
    expect(readText(schema, String(spec.min))).toEqual({ ok: true, value: spec.min });
    expect(readText(schema, String(spec.max))).toEqual({ ok: true, value: spec.max });
    expect(readText(schema, String(spec.max + 1))).toEqual({ ok: false, message: message(String(spec.max + 1)) });
    if (spec.min > 0) expect(readText(schema, '0')).toEqual({ ok: false, message: message('0') });
    const half = `${spec.min}5`.includes('.') ? `${spec.min}5` : `${spec.min}.5`;
    expect(readText(schema, half).ok).toBe(!spec.integer);
    for (const bad of ['0x10', '1e3', ' 5 ', '', 'Infinity']) {
      expect(readText(schema, bad)).toEqual({ ok: false, message: message(bad) });
    }
  });
});
