import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, MAX_SEED, parseSimulatorParams, settingsFor, simulatorSearch } from '@/lib/url/simulatorParams';
import { validateSettings } from '@/machines/world/settings';

const parse = (query: string) => parseSimulatorParams(new URLSearchParams(query));

describe('parseSimulatorParams', () => {
  it('uses the defaults for an empty address', () => {
    expect(parse('')).toEqual({ config: DEFAULT_CONFIG, notices: [] });
    expect(DEFAULT_CONFIG.mode).toBe('delivery');
    expect(DEFAULT_CONFIG.approver).toBe('learner');
  });

  it('reads a full start state', () => {
    const { config, notices } = parse('mode=deployment&seed=42&speed=120&approver=scheduled');
    expect(notices).toEqual([]);
    expect(config).toEqual({ mode: 'deployment', seed: 42, speed: 120, approver: 'scheduled' });
  });

  it('accepts every mode, case-insensitively', () => {
    for (const mode of ['manual', 'ci', 'delivery', 'deployment'] as const) {
      expect(parse(`mode=${mode.toUpperCase()}`).config.mode).toBe(mode);
    }
  });

  it('falls back per parameter and names each bad one', () => {
    const { config, notices } = parse('mode=waterfall&seed=-1&speed=50&approver=boss');
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices.map((n) => n.param)).toEqual(['mode', 'seed', 'speed', 'approver']);
    expect(notices.map((n) => n.message)).toEqual([
      'mode must be one of manual, ci, delivery, deployment (got "waterfall"); showing Continuous Delivery.',
      'seed must be a whole number from 0 to 4294967295 (got "-1"); using seed 1.',
      'speed must be one of 1, 5, 15, 30, 60, 120, 240 simulated minutes per second (got "50"); using 30.',
      'approver must be learner or scheduled (got "boss"); you approve.',
    ]);
  });

  it('takes words in any case but nothing around them', () => {
    expect(parse('approver=Scheduled').config.approver).toBe('scheduled');
    expect(parse(`mode=${encodeURIComponent(' ci')}`).notices[0]?.message).toMatch(/^mode must be one of .* \(got " ci"\)/);
  });

  it('keeps the good parameters when one is bad', () => {
    const { config, notices } = parse('mode=ci&seed=abc&speed=240');
    expect(config.mode).toBe('ci');
    expect(config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(config.speed).toBe(240);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.param).toBe('seed');
  });

  it.each(['', ' ', ' 5 ', '1.5', '1e3', '0x10', '12abc', 'Infinity', String(MAX_SEED + 1), '-3'])('rejects seed %j', (seed) => {
    const { config, notices } = parse(`seed=${encodeURIComponent(seed)}`);
    expect(config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(notices).toEqual([{ param: 'seed', message: `seed must be a whole number from 0 to 4294967295 (got "${seed}"); using seed 1.` }]);
  });

  it('accepts the seed bounds', () => {
    expect(parse('seed=0').config.seed).toBe(0);
    expect(parse(`seed=${MAX_SEED}`).config.seed).toBe(MAX_SEED);
  });

  it('reads the hidden commitsPerDay parameter within its range', () => {
    expect(parse('commitsPerDay=1000').config.commitsPerDay).toBe(1000);
    expect(parse('commitsPerDay=2.5').config.commitsPerDay).toBe(2.5);
    const bad = parse('commitsPerDay=5000');
    expect(bad.config.commitsPerDay).toBeUndefined();
    expect(bad.notices).toEqual([
      { param: 'commitsPerDay', message: `commits per day must be a number from 0 to 2000 (got "5000"); using the team's usual 12.` },
    ]);
    expect(parse('commitsPerDay=1e3').notices[0]?.param).toBe('commitsPerDay');
  });

  it('shortens very long bad values in notices', () => {
    const { notices } = parse(`mode=${'x'.repeat(200)}`);
    expect(notices[0]!.message.length).toBeLessThan(160);
  });

  it('keeps tracking parameters silent', () => {
    expect(parse('utm_source=slides&mode=ci').notices).toEqual([]);
  });
});

describe('simulatorSearch', () => {
  it('round-trips through the parser', () => {
    const configs = [
      DEFAULT_CONFIG,
      { mode: 'manual', seed: 7, speed: 1, approver: 'learner' },
      { mode: 'delivery', seed: 99, speed: 240, approver: 'scheduled', commitsPerDay: 200 },
    ] as const;
    for (const config of configs) {
      const search = simulatorSearch({ ...config });
      expect(search.startsWith('?')).toBe(true);
      expect(parse(search.slice(1))).toEqual({ config: { ...config }, notices: [] });
    }
  });

  it('leaves the approver out where a mode has no learner approval', () => {
    expect(simulatorSearch({ ...DEFAULT_CONFIG, mode: 'deployment' })).toBe('?mode=deployment&seed=1&speed=30');
  });
});

describe('settingsFor', () => {
  it('makes valid engine settings for every mode', () => {
    for (const mode of ['manual', 'ci', 'delivery', 'deployment'] as const) {
      const settings = settingsFor({ ...DEFAULT_CONFIG, mode, seed: 5 });
      expect(validateSettings(settings).ok).toBe(true);
      expect(settings.seed).toBe(5);
      expect(settings.mode).toBe(mode);
    }
  });

  it('lets the learner approve only in Continuous Delivery', () => {
    expect(settingsFor({ ...DEFAULT_CONFIG, mode: 'delivery' }).approver).toBe('learner');
    expect(settingsFor({ ...DEFAULT_CONFIG, mode: 'manual' }).approver).toBe('scheduled');
  });

  it('passes the hidden commits per day through', () => {
    expect(settingsFor({ ...DEFAULT_CONFIG, commitsPerDay: 1000 }).commitsPerDay).toBe(1000);
  });
});
