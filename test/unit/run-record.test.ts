import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { readRunFile, runFileOfRun, type RunFile, type RunRecord } from '@/lib/url/runFile';
import { readSavedRun, namesARun, savedRunOf, SAVED_RUN_KIND } from '@/lib/run/savedRun';
import { parseSimulatorParams, settingsFor, type RunConfig } from '@/lib/url/simulatorParams';
import { replayRun, runnerMachine } from '@/machines/runner/runnerMachine';
import { MomentWatch } from '@/machines/runner/moments';

/**
 * A live run kept as what makes it (issue 14): how it started, what people did with where they did
 * it, and where it stands. Replayed from its run file (version 2), it is the same run, event for event.
 */
const START = parseSimulatorParams(new URLSearchParams('mode=delivery&seed=42&speed=240&approver=learner&faults=break-build&t=0d08:00')).config;

/** A run played the way the page plays it: frames of real time, a person approving and changing things. */
function playedRun(): { record: RunRecord; log: string; now: number } {
  const actor = createActor(runnerMachine, {
    input: { settings: settingsFor(START), speed: START.speed, startAt: START.t, watch: new MomentWatch() },
  }).start();
  for (const fault of START.faults ?? []) actor.send({ type: 'fault.inject', fault });
  let decisions = 0;
  actor.send({ type: 'run.play' });
  for (let frame = 0; frame < 3000; frame++) {
    const { sim } = actor.getSnapshot().context;
    if (sim.approval?.canDecide) {
      actor.send({ type: decisions % 3 === 2 ? 'approval.reject' : 'approval.approve', by: 'you', comment: `decision ${decisions}` });
      decisions++;
    }
    if (frame === 700) actor.send({ type: 'settings.change', change: { testCoverage: 0.9, culture: 'silos' } });
    if (frame === 1200) actor.send({ type: 'fault.inject', fault: 'escape-defect' });
    if (!actor.getSnapshot().matches('playing')) actor.send({ type: 'run.play' });
    actor.send({ type: 'run.tick', ms: 16.7 + (frame % 7) });
  }
  actor.send({ type: 'run.pause' });
  const { sim, journal } = actor.getSnapshot().context;
  expect(decisions).toBeGreaterThan(2);
  const record = { start: START, journal: structuredClone(journal), at: sim.now };
  const log = JSON.stringify(sim.log);
  const now = sim.now;
  actor.stop();
  return { record, log, now };
}

describe('a run replayed from its file', () => {
  const played = playedRun();

  it('is the same run at the same moment, event for event', () => {
    const text = JSON.stringify(runFileOfRun(played.record));
    const read = readRunFile(text);
    if (!read.ok || !read.run) throw new Error(read.ok ? 'no run' : read.message);
    const replay = replayRun({ settings: settingsFor(read.config), startAt: read.config.t ?? 0 }, read.run.journal, read.run.at);
    if (!replay.ok) throw new Error(`failed at ${replay.failedAt}`);
    expect(replay.sim.now).toBe(played.now);
    expect(JSON.stringify(replay.sim.log)).toBe(played.log);
  });

  it('is written as version 2 with the start, the actions where they happened and the moment', () => {
    const file = runFileOfRun(played.record);
    expect(file).toMatchObject({ pipelineLab: 'simulator-run', v: 2, mode: 'delivery', seed: 42, faults: [], t: '0d08:00', at: played.now });
    expect(file.actions![0]).toEqual({ t: 480, fired: expect.any(Number), event: { type: 'fault.inject', fault: 'break-build' } });
    expect(file.actions!.some((a) => a.event.type === 'approval.reject')).toBe(true);
  });

  it('refuses a journal that is not this run: a decision where none was awaited', () => {
    const file = runFileOfRun(played.record);
    const [first, ...rest] = file.actions!;
    // An approval on Monday at 08:00, when the run opened: nothing awaits one yet.
    const moved: RunFile = { ...file, actions: [first!, { t: first!.t, fired: first!.fired, event: { type: 'approval.approve', by: 'you' } }, ...rest] };
    const read = readRunFile(JSON.stringify(moved));
    if (!read.ok || !read.run) throw new Error('should read');
    const replay = replayRun({ settings: settingsFor(read.config), startAt: read.config.t ?? 0 }, read.run.journal, read.run.at);
    expect(replay).toEqual({ ok: false, failedAt: 1 });
  });
});

describe('a run with template changes and hand changes, replayed from its file', () => {
  it('is the same run: the stack update, the drift and its detection happen again where they did', () => {
    const start = parseSimulatorParams(new URLSearchParams('mode=deployment&seed=9&iac=on&t=0d09:00')).config;
    const actor = createActor(runnerMachine, {
      input: { settings: settingsFor(start), speed: 240, startAt: start.t, watch: new MomentWatch() },
    }).start();
    const { sim } = actor.getSnapshot().context;
    const template = structuredClone(sim.stack.template) as unknown as Record<string, Record<string, { Properties?: Record<string, unknown> }>>;
    template.Resources!.ErrorAlarm!.Properties!.Threshold = 0.1;
    actor.send({ type: 'stack.execute', templateText: '# threshold 0.1', template: template as never, by: 'you' });
    actor.send({ type: 'run.play' });
    for (let frame = 0; frame < 1500; frame++) {
      if (frame === 400) actor.send({ type: 'drift.inject', change: 'security-group-port' });
      if (frame === 900) actor.send({ type: 'drift.detect' });
      if (!actor.getSnapshot().matches('playing')) actor.send({ type: 'run.play' });
      actor.send({ type: 'run.tick', ms: 16.7 });
    }
    actor.send({ type: 'run.pause' });
    const after = actor.getSnapshot().context;
    const kinds = after.journal.map((e) => e.event.type);
    expect(kinds).toEqual(expect.arrayContaining(['stack.execute', 'drift.inject', 'drift.detect']));
    const record = { start, journal: structuredClone(after.journal), at: after.sim.now };
    const file = runFileOfRun(record);
    expect(file.iac).toBe(true);
    const read = readRunFile(JSON.stringify(file));
    if (!read.ok || !read.run) throw new Error(read.ok ? 'no run' : read.message);
    const replay = replayRun({ settings: settingsFor(read.config), startAt: read.config.t ?? 0 }, read.run.journal, read.run.at);
    if (!replay.ok) throw new Error(`failed at ${replay.failedAt}`);
    expect(JSON.stringify(replay.sim.log)).toBe(JSON.stringify(after.sim.log));
    expect(after.sim.log.some((e) => e.type === 'drift.detected')).toBe(true);
    actor.stop();
  });

  it('names a hand change it does not know and a template nested too deep', () => {
    const base = runFileOfRun({ start: START, journal: [], at: 480 });
    const drift = readRunFile(JSON.stringify({ ...base, actions: [{ t: 480, fired: 0, event: { type: 'drift.inject', change: 'rm-rf' } }] }));
    expect(drift).toEqual({ ok: false, message: expect.stringMatching(/^actions\.0\.event\.change must be one of instance-size/) });
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) deep = { a: deep };
    const nested = readRunFile(
      JSON.stringify({ ...base, actions: [{ t: 480, fired: 0, event: { type: 'stack.execute', templateText: '', template: deep, by: 'you' } }] }),
    );
    expect(nested).toEqual({ ok: false, message: expect.stringMatching(/^actions\.0\.event\.template must nest at most 64 levels/) });
  });
});

describe('the saved run record', () => {
  const record: RunRecord = { start: START, journal: [], at: 600 };

  it('reads back what was saved, with the address it was saved under', () => {
    const saved = savedRunOf(record, '?mode=delivery&seed=42');
    expect(saved).toEqual({ kind: SAVED_RUN_KIND, search: '?mode=delivery&seed=42', file: expect.any(String) });
    expect(readSavedRun(structuredClone(saved))).toMatchObject({ ok: true, search: '?mode=delivery&seed=42', run: { journal: [], at: 600 } });
  });

  it.each([
    ['nothing of ours', 'a string', 'it is not a saved run of this version'],
    ['an older record', { kind: 'pipeline-lab-run', v: 0 }, 'it is not a saved run of this version'],
    ['a damaged record', { kind: SAVED_RUN_KIND, search: 3, file: '{}' }, 'it is damaged'],
    ['a cut file', { kind: SAVED_RUN_KIND, search: '', file: '{"pipelineLab":"simulator-r' }, 'The file is not JSON'],
    [
      'a version 1 file',
      { kind: SAVED_RUN_KIND, search: '', file: JSON.stringify({ pipelineLab: 'simulator-run', v: 1, seed: 3 }) },
      'it was saved by an older version (run file 1)',
    ],
  ])('sets aside %s, saying why', (_, value, message) => {
    expect(readSavedRun(value)).toEqual({ ok: false, message });
  });

  it('gives way to an address that names a run, not to tracking or page parameters', () => {
    expect(namesARun('')).toBe(false);
    expect(namesARun('?utm_source=slides&present=1')).toBe(false);
    expect(namesARun('?seed=7')).toBe(true);
    expect(namesARun('?cultur=silos')).toBe(true);
  });
});

describe('10,000 malformed or mutated run files', () => {
  const base = runFileOfRun(playedRun().record);
  const text = JSON.stringify(base);
  const keys = Object.keys(base) as (keyof RunFile)[];
  const json = fc.jsonValue({ maxDepth: 3 });
  const mutated = fc.oneof(
    fc.string({ maxLength: 200 }),
    json.map((value) => JSON.stringify(value)),
    fc.nat({ max: text.length }).map((n) => text.slice(0, n)),
    fc.tuple(fc.constantFrom(...keys), json).map(([key, value]) => JSON.stringify({ ...base, [key]: value })),
    fc.constantFrom(...keys).map((key) => JSON.stringify({ ...base, [key]: undefined })),
    fc.tuple(fc.string({ maxLength: 10 }), json).map(([key, value]) => JSON.stringify({ ...base, [key]: value })),
    fc
      .tuple(fc.nat({ max: base.actions!.length - 1 }), fc.constantFrom('t', 'fired', 'event', 'extra'), json)
      .map(([i, key, value]) => JSON.stringify({ ...base, actions: base.actions!.map((a, j) => (j === i ? { ...a, [key]: value } : a)) })),
    fc
      .tuple(fc.nat({ max: base.actions!.length - 1 }), fc.constantFrom('type', 'by', 'fault', 'incident', 'change', 'comment'), json)
      .map(([i, key, value]) =>
        JSON.stringify({ ...base, actions: base.actions!.map((a, j) => (j === i ? { ...a, event: { ...a.event, [key]: value } } : a)) }),
      ),
  );

  it('each gets a run or one sentence naming what is wrong, never an uncaught error', () => {
    let refused = 0;
    let replayed = 0;
    fc.assert(
      fc.property(mutated, (input) => {
        const read = readRunFile(input);
        if (!read.ok) {
          refused++;
          expect(read.message).toMatch(/^\S.*\.$/s);
          return;
        }
        // What reads as a run replays without throwing (or names the action that is not this run's);
        // a replay takes a few hundred milliseconds, so a sample of them.
        if (read.run && read.run.at <= base.at! + 60 && replayed++ < 25) {
          const start: RunConfig = read.config;
          const replay = replayRun({ settings: settingsFor(start), startAt: start.t ?? 0 }, read.run.journal, read.run.at);
          if (replay.ok) replay.sim.stop();
        }
      }),
      { numRuns: 10_000, seed: 14 },
    );
    expect(refused).toBeGreaterThan(5000);
  }, 120_000);
});
