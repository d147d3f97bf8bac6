import { describe, expect, it } from 'vitest';
import { compareQuery, parseCompareUrl } from '@/lib/compare/url';
import { defaultCompareSettings, type CompareSettings } from '@/machines/compare/compareSettings';

const parse = (query: string) => parseCompareUrl(new URLSearchParams(query));

describe('comparison URL', () => {
  it('reads the defaults from an empty query', () => {
    expect(parse('')).toEqual({ settings: defaultCompareSettings(), problems: [] });
  });

  it('round-trips every setting', () => {
    const settings: CompareSettings = {
      modes: ['manual', 'ci', 'delivery', 'deployment'],
      seed: 4294967295,
      days: 180,
      commitsPerDay: 7.5,
      testCoverage: 0.35,
      defectRate: 0.125,
      monitoring: false,
      culture: 'silos',
      cadence: '1/day',
      learning: true,
      iac: false,
    };
    const query = compareQuery(settings);
    expect(query).toContain('iac=off');
    expect(query).toContain('modes=manual,ci,delivery,deployment');
    expect(query).toContain('cadence=1/day');
    expect(query).toContain('coverage=35');
    expect(parse(query)).toEqual({ settings, problems: [] });
  });

  it('accepts mode= as another name for modes= and orders the modes', () => {
    expect(parse('mode=deployment,manual').settings.modes).toEqual(['manual', 'deployment']);
  });

  it('falls back per parameter and names each bad one', () => {
    const { settings, problems } = parse(
      'modes=delivery,teleport&seed=-1&days=5000&commits=lots&coverage=140&monitoring=maybe&culture=chaos&cadence=hourly&defects=20',
    );
    const defaults = defaultCompareSettings();
    expect(settings).toEqual({ ...defaults, defectRate: 0.2 });
    expect(problems.map((p) => p.param)).toEqual(['modes', 'seed', 'days', 'commits', 'coverage', 'monitoring', 'culture', 'cadence']);
    expect(problems.map((p) => p.message)).toEqual([
      'mode must be one of manual, ci, delivery, deployment (got "teleport"); showing delivery and deployment.',
      'seed must be a whole number from 0 to 4294967295 (got "-1"); using 42.',
      'days must be a whole number from 7 to 365 (got "5000"); using 90.',
      'commits per day must be a number from 1 to 40 (got "lots"); using 12.',
      'test coverage must be a percentage from 0 to 100 (got "140"); using 70.',
      'monitoring must be on or off (got "maybe"); using on.',
      'culture must be devops or silos (got "chaos"); using devops.',
      'cadence must be one of default, 90d, 30d, 14d, 7d, 1/day, 2/day, 3/day, 6/day (got "hourly"); using each mode\'s default.',
    ]);
    expect(problems[1]).toMatchObject({ param: 'seed', value: '-1' });
  });

  it('reads numbers as plain decimals only, like /simulator and the CLI', () => {
    for (const raw of ['0x10', '1e3', ' 5 ', '', '5.5', 'Infinity']) {
      const { settings, problems } = parse(`seed=${encodeURIComponent(raw)}`);
      expect(settings.seed).toBe(42);
      expect(problems).toEqual([{ param: 'seed', value: raw, message: `seed must be a whole number from 0 to 4294967295 (got "${raw}"); using 42.` }]);
    }
    expect(parse('coverage=12.5').settings.testCoverage).toBe(0.125);
    expect(parse('coverage=.5').problems[0]?.param).toBe('coverage');
  });

  it('reads monitoring as on/off, true/false, 1/0 or yes/no', () => {
    for (const on of ['on', 'TRUE', '1', 'yes']) expect(parse(`monitoring=${on}`).settings.monitoring).toBe(true);
    for (const off of ['off', 'false', '0', 'No']) expect(parse(`monitoring=${off}`).settings.monitoring).toBe(false);
  });

  it('refuses one mode or a repeated mode', () => {
    expect(parse('modes=delivery').problems[0]!.message).toBe('modes must name 2 to 4 different modes (got "delivery"); showing delivery and deployment.');
    expect(parse('modes=delivery,delivery').problems).toHaveLength(1);
    expect(parse('modes=Delivery, manual').settings.modes).toEqual(['manual', 'delivery']);
  });

  it('reads Next.js searchParams objects too', () => {
    expect(parseCompareUrl({ seed: ['7', '8'], days: '30' }).settings).toMatchObject({ seed: 7, days: 30 });
  });
});
