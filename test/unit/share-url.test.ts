import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { readRunFile, runFileFor } from '@/lib/url/runFile';
import { completeConfig, formatT, parseSimulatorParams, roundT, settingsFor, simulatorSearch, startStateOf, type RunConfig } from '@/lib/url/simulatorParams';
import { RunHistory } from '@/components/simulator/runHistory';
import { runnerMachine } from '@/machines/runner/runnerMachine';
import { validateSettings } from '@/machines/world/settings';

const parse = (query: string) => parseSimulatorParams(new URLSearchParams(query));

const FULL =
  'v=1&mode=delivery&seed=42&speed=60&approver=scheduled&culture=silos&monitoring=off&threshold=10&coverage=50&defects=20&commits=20&faults=break-build,escape-defect,escape-defect&t=2d10:15';

/** Opens a link the way /simulator does: settings, played to `t`, then the faults armed. */
function open(query: string) {
  const { config } = parse(query);
  const actor = createActor(runnerMachine, { input: { settings: settingsFor(config), speed: config.speed, startAt: config.t } }).start();
  for (const fault of config.faults ?? []) actor.send({ type: 'fault.inject', fault });
  return { actor, config, sim: () => actor.getSnapshot().context.sim };
}

const logOf = (sim: { log: unknown[] }) => JSON.stringify(sim.log);

describe('a share link carries the whole start state', () => {
  it('reads every parameter', () => {
    const { config, notices } = parse(FULL);
    expect(notices).toEqual([]);
    expect(config).toEqual({
      mode: 'delivery',
      seed: 42,
      speed: 60,
      approver: 'scheduled',
      culture: 'silos',
      monitoring: false,
      alarmThreshold: 0.1,
      testCoverage: 0.5,
      defectRate: 0.2,
      commitsPerDay: 20,
      faults: ['break-build', 'escape-defect', 'escape-defect'],
      t: 2 * 1440 + 10 * 60 + 15,
    });
    const settings = settingsFor(config);
    expect(validateSettings(settings).ok).toBe(true);
    expect(settings).toMatchObject({ culture: 'silos', monitoring: false, alarmThreshold: 0.1, testCoverage: 0.5, defectRate: 0.2, commitsPerDay: 20 });
  });

  it('writes every parameter, defaults filled in, and reads it back', () => {
    const configs: RunConfig[] = [
      { mode: 'delivery', seed: 1, speed: 30, approver: 'learner' },
      parse(FULL).config,
      { mode: 'manual', seed: 0, speed: 1, approver: 'learner', t: 89 * 1440 + 0.125, faults: ['fail-deploy'] },
      // The approver is written only where it decides something: Continuous Delivery.
      { mode: 'ci', seed: 4294967295, speed: 240, approver: 'learner', alarmThreshold: 0.001, testCoverage: 1, defectRate: 0, commitsPerDay: 2000 },
    ];
    for (const config of configs) {
      const search = simulatorSearch(config, { full: true });
      expect(search).toMatch(/^\?v=1&mode=/);
      for (const key of ['culture', 'monitoring', 'threshold', 'coverage', 'defects', 'commits', 't']) expect(search).toContain(`&${key}=`);
      const back = parse(search.slice(1));
      expect(back.notices).toEqual([]);
      expect(completeConfig(back.config)).toEqual(completeConfig(config));
      expect(simulatorSearch(back.config, { full: true })).toBe(search);
    }
  });

  it('writes the example link of the README', () => {
    expect(simulatorSearch(parse(FULL).config, { full: true })).toBe(`?${FULL}`);
  });
});

describe('t, the moment to open at', () => {
  it.each([
    ['0', 0],
    ['3450', 3450],
    ['3450.5', 3450.5],
    ['0d00:00', 0],
    ['2d09:30', 2 * 1440 + 570],
    ['1d23:59.999', 1440 + 23 * 60 + 59.999],
    ['365d00:00', 365 * 1440],
  ])('reads %j', (raw, minutes) => {
    const { config, notices } = parse(`t=${raw}`);
    expect(notices).toEqual([]);
    expect(config.t).toBeCloseTo(minutes, 9);
  });

  it.each([
    '',
    '-1',
    '1e3',
    '2d9:30',
    '2d24:00',
    '2d09:60',
    '2d09:30.1234',
    '366d00:00',
    String(365 * 1440 + 1),
    '2D09:30',
    ' 2d09:30',
    'Tue 09:30',
    'NaN',
    '0x10',
  ])('names %j', (raw) => {
    const { config, notices } = parse(`t=${encodeURIComponent(raw)}`);
    expect(config.t).toBeUndefined();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.param).toBe('t');
    expect(notices[0]!.message).toMatch(/^t must be a time like 2d09:30 .*; starting from Monday 00:00\.$/);
  });

  it('writes a moment so that it reads back exactly, never before the moment shown', () => {
    expect(formatT(0)).toBe('0d00:00');
    expect(formatT(2 * 1440 + 570)).toBe('2d09:30');
    expect(formatT(2010.5713)).toBe('1d09:30.572');
    expect(formatT(59.9999)).toBe('0d01:00');
    for (const t of [0.001, 1.5, 1439.999, 2010.571, 7 * 1440 + 0.1, 123456.789]) {
      const written = formatT(t);
      expect(parse(`t=${written}`).config.t).toBe(roundT(t));
      expect(formatT(roundT(t))).toBe(written);
      expect(roundT(t)).toBeGreaterThanOrEqual(t - 1e-9);
    }
  });
});

describe('every parameter the page cannot use is named', () => {
  it.each([
    ['v', '2', 'version must be one of 1 (got "2"); reading it as version 1.'],
    ['culture', 'silo', 'culture must be devops or silos (got "silo"); using DevOps.'],
    ['monitoring', 'maybe', 'monitoring must be on or off (got "maybe"); monitoring stays on.'],
    ['threshold', '0', 'alarm threshold must be a percentage from 0.1 to 100 (got "0"); using 5%.'],
    ['coverage', '101', 'test coverage must be a percentage from 0 to 100 (got "101"); using 70%.'],
    ['defects', '-5', 'defect rate must be a percentage from 0 to 100 (got "-5"); using 10%.'],
    ['commits', '2001', 'commits per day must be a number from 0 to 2000 (got "2001"); using the team\'s usual 12.'],
    ['faults', 'break-build,nope', 'fault must be one of break-build, flaky-test, escape-defect, fail-deploy (got "break-build,nope"); no faults armed.'],
    [
      'faults',
      'break-build,,fail-deploy',
      'fault must be one of break-build, flaky-test, escape-defect, fail-deploy (got "break-build,,fail-deploy"); no faults armed.',
    ],
  ])('%s=%s', (param, raw, message) => {
    const { config, notices } = parse(`${param}=${encodeURIComponent(raw)}`);
    expect(notices).toEqual([{ param, message }]);
    expect(completeConfig(config)).toEqual(completeConfig(parse('').config));
  });

  it('limits the faults a link arms, and keeps repeats', () => {
    expect(parse(`faults=${Array(20).fill('flaky-test').join(',')}`).config.faults).toHaveLength(20);
    expect(parse(`faults=${Array(21).fill('flaky-test').join(',')}`).notices[0]!.message).toMatch(/^faults must list at most 20 faults/);
    expect(parse('faults=Break-Build,FLAKY-TEST').config.faults).toEqual(['break-build', 'flaky-test']);
    expect(parse('faults=').config.faults).toEqual([]);
  });

  it('names every bad one at once, and keeps the good ones', () => {
    const { config, notices } = parse('mode=waterfall&seed=42&culture=silo&coverage=abc&t=soon&faults=break-build');
    expect(notices.map((n) => n.param)).toEqual(['mode', 'culture', 'coverage', 't']);
    expect(config.seed).toBe(42);
    expect(config.faults).toEqual(['break-build']);
  });

  it('names unknown parameters, with a guess for a typo', () => {
    const { notices } = parse('cultur=silos&foo=1&Mode=ci&seeds=3');
    expect(notices).toEqual([
      { param: 'cultur', message: 'not a setting of this page (got "silos"); ignored (did you mean culture?).' },
      { param: 'foo', message: 'not a setting of this page (got "1"); ignored.' },
      { param: 'Mode', message: 'not a setting of this page (got "ci"); ignored (did you mean mode?).' },
      { param: 'seeds', message: 'not a setting of this page (got "3"); ignored (did you mean seed?).' },
    ]);
  });

  it('keeps tracking parameters and the parameters other parts of the page read silent', () => {
    expect(parse('utm_source=slides&utm_medium=x&UTM_campaign=y&fbclid=abc&gclid=def&msclkid=1&present=1&demo=ci&mode=ci').notices).toEqual([]);
  });

  it('names a parameter given twice, once, and uses the first', () => {
    const { config, notices } = parse('seed=1&seed=2&seed=3&foo=1&foo=2');
    expect(config.seed).toBe(1);
    expect(notices).toEqual([
      { param: 'seed', message: 'given more than once (got "2"); using the first.' },
      { param: 'foo', message: 'not a setting of this page (got "1"); ignored.' },
    ]);
  });

  it('survives NUL, control characters, odd encodings and very long names', () => {
    const { config, notices } = parse('mode=%00ci&se%00ed=1&%E2%80%8Bmode=ci&t=1d09%3A30%00&culture=%F0%9F%90%9B&' + 'x'.repeat(500) + '=1&=5&%ZZ=1');
    expect(config.mode).toBe('delivery');
    const params = notices.map((n) => n.param);
    expect(params).toContain('mode');
    expect(params).toContain('se\uFFFDed');
    expect(params).toContain('\u200Bmode');
    expect(params).toContain('t');
    expect(params).toContain('culture');
    expect(params).toContain('(no name)');
    expect(params).toContain('%ZZ');
    expect(params.find((p) => p.startsWith('xxx'))).toHaveLength(41);
    for (const n of notices) expect(n.message.length).toBeLessThan(200);
  });
});

describe('the same link opens the same run', () => {
  it('twice: the same event log at the same moment, the faults waiting', () => {
    const a = open(FULL);
    const b = open(FULL);
    expect(a.sim().now).toBe(2 * 1440 + 615);
    expect(a.sim().log.length).toBeGreaterThan(50);
    expect(logOf(a.sim())).toBe(logOf(b.sim()));
    expect(a.sim().pendingFaults()).toEqual({ 'break-build': 1, 'flaky-test': 0, 'escape-defect': 2, 'fail-deploy': 0 });
  });

  it('as played to that moment: a run played frame by frame shares a link that opens the same run', () => {
    const played = open('mode=deployment&seed=7&culture=silos&coverage=40');
    let now = 0;
    while (now < 1.5 * 1440) {
      now += 3.7;
      played.actor.send({ type: 'run.play' });
      played.actor.send({ type: 'run.tick', ms: 100 });
    }
    played.actor.send({ type: 'run.pause' });
    played.actor.send({ type: 'fault.inject', fault: 'fail-deploy' });
    const state = startStateOf(played.sim(), played.config);
    const link = simulatorSearch(state, { full: true }).slice(1);
    const opened = open(link);
    expect(opened.sim().now).toBe(roundT(played.sim().now));
    const withoutInjections = (sim: { log: { type: string }[] }) => JSON.stringify(sim.log.filter((e) => e.type !== 'fault.injected'));
    expect(withoutInjections(opened.sim())).toBe(withoutInjections(played.sim()));
    expect(opened.sim().pendingFaults()['fail-deploy']).toBe(1);
    // And the opened run shares the very same link.
    expect(simulatorSearch(startStateOf(opened.sim(), opened.config), { full: true }).slice(1)).toBe(link);
  });
});

describe('a run file', () => {
  const config = parse(FULL).config;

  it("holds the link's fields and reads back to the same start state", () => {
    const file = runFileFor(config);
    expect(file).toMatchObject({
      pipelineLab: 'simulator-run',
      v: 1,
      mode: 'delivery',
      seed: 42,
      monitoring: false,
      threshold: 10,
      faults: ['break-build', 'escape-defect', 'escape-defect'],
      t: '2d10:15',
    });
    const back = readRunFile(JSON.stringify(file));
    expect(back).toEqual({ ok: true, config: completeConfig(config) });
  });

  it('takes numbers written as text, as in a link', () => {
    const back = readRunFile(JSON.stringify({ pipelineLab: 'simulator-run', v: 1, seed: '7', monitoring: 'off', t: 90 }));
    expect(back).toMatchObject({ ok: true, config: { seed: 7, monitoring: false, t: 90 } });
  });

  it.each([
    ['not json', 'The file is not JSON.'],
    ['[1]', "The file does not hold a run: it must be an object with pipelineLab, v and the run's fields."],
    ['{}', 'pipelineLab is missing: this is not a Pipeline Lab run file.'],
    ['{"pipelineLab":"lesson-progress","v":1}', 'pipelineLab is not "simulator-run": this is not a Pipeline Lab run file.'],
    ['{"pipelineLab":"simulator-run","v":3}', 'v must be 1 or 2: this file was written by another version.'],
    ['{"pipelineLab":"simulator-run","v":1,"colour":"red"}', 'colour is not a field of a run file.'],
    ['{"pipelineLab":"simulator-run","v":1,"seed":-1}', 'seed: seed must be a whole number from 0 to 4294967295 (got "-1").'],
    ['{"pipelineLab":"simulator-run","v":1,"coverage":0.7,"threshold":500}', 'threshold: alarm threshold must be a percentage from 0.1 to 100 (got "500").'],
    ['{"pipelineLab":"simulator-run","v":1,"monitoring":{}}', 'monitoring must be text, a number or true/false.'],
    ['{"pipelineLab":"simulator-run","v":1,"faults":"break-build"}', 'faults must be a list of faults.'],
    [
      '{"pipelineLab":"simulator-run","v":1,"faults":["break-build","oops"]}',
      'faults: fault must be one of break-build, flaky-test, escape-defect, fail-deploy (got "break-build,oops").',
    ],
    [
      '{"pipelineLab":"simulator-run","v":1,"t":"tomorrow"}',
      't: t must be a time like 2d09:30 (days, hours and minutes after Monday 00:00) or minutes, up to 365 days (got "tomorrow").',
    ],
  ])('refuses %s, naming the field', (text, message) => {
    expect(readRunFile(text)).toEqual({ ok: false, message });
  });
});

describe('what a link cannot replay', () => {
  it('is nothing for a run nobody touched, and names what people did', () => {
    const { actor, sim } = open('mode=delivery&seed=3&approver=learner');
    const history = new RunHistory();
    history.follow(sim());
    actor.send({ type: 'run.jump', withinMinutes: 10 * 60 });
    expect(history.notReplayable()).toEqual([]);
    actor.send({ type: 'settings.change', change: { culture: 'silos', testCoverage: 0.4 } });
    expect(history.changed).toEqual({ culture: 'silos', testCoverage: 0.4 });
    expect(history.notReplayable()).toEqual(['culture and test coverage changed Mon 10:00']);
    // The shared state carries today's settings, coverage included (the engine keeps the start value).
    expect(startStateOf(sim(), parse('mode=delivery&seed=3').config, history.changed.testCoverage)).toMatchObject({ culture: 'silos', testCoverage: 0.4 });
    // A new run starts a clean history.
    actor.send({ type: 'run.reset', settings: settingsFor(parse('').config) });
    history.follow(sim());
    expect(history.notReplayable()).toEqual([]);
    history.stop();
  });
});
