import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { runnerMachine } from '@/machines/runner/runnerMachine';
import { JUMP_LIMIT_MINUTES, MOMENT_KINDS, MOMENTS, MomentWatch, type MomentKind } from '@/machines/runner/moments';
import { defaultSettings, type Settings } from '@/machines/world/settings';
import type { Mode } from '@/machines/world/modes';

const WHERE: Record<MomentKind, { mode: Mode; seed?: number; inject?: 'escape-defect'; startAt?: number }> = {
  approval: { mode: 'delivery' },
  deploy: { mode: 'deployment' },
  alarm: { mode: 'deployment', inject: 'escape-defect' },
  // A quarter of nothing but waiting is skipped: the run starts the week before.
  'release-day': { mode: 'manual', startAt: 84 * 24 * 60 },
  restored: { mode: 'deployment', inject: 'escape-defect' },
};

function runner(settings: Settings, kinds: MomentKind[] = [], startAt = 0) {
  const watch = new MomentWatch(kinds);
  const actor = createActor(runnerMachine, { input: { settings, speed: 240, watch, startAt } }).start();
  return { actor, watch, sim: () => actor.getSnapshot().context.sim };
}

describe('moments: stop at, jump to', () => {
  it.each(MOMENT_KINDS)('"stop at %s" pauses the playing run at that event', (kind) => {
    const where = WHERE[kind];
    const { actor, watch, sim } = runner({ ...defaultSettings(where.mode, where.seed ?? 1), approver: 'scheduled' }, [kind], where.startAt);
    if (where.inject) actor.send({ type: 'fault.inject', fault: where.inject });
    actor.send({ type: 'run.play' });
    // Frames of a quarter second at 4 simulated hours a second, until it stops by itself.
    for (let i = 0; i < 20_000 && actor.getSnapshot().matches('playing'); i++) actor.send({ type: 'run.tick', ms: 250 });
    expect(actor.getSnapshot().value).toBe('paused');
    const last = watch.getSnapshot().last!;
    expect(last.kind).toBe(kind);
    expect(MOMENTS[kind].matches(last.event)).toBe(true);
    expect(sim().now).toBe(last.event.t);
    actor.stop();
  });

  it('jumps to release day in manual mode in one go, with no kind chosen', () => {
    const { actor, watch, sim } = runner(defaultSettings('manual', 1));
    const started = performance.now();
    watch.jump(() => actor.send({ type: 'run.jump', withinMinutes: JUMP_LIMIT_MINUTES }));
    // Measured by the benchmark, not here; this only keeps a broken jump from hanging the suite.
    expect(performance.now() - started).toBeLessThan(60_000);
    // The first moment of any kind may come sooner (a deployment in a hotfix); jump on to release day.
    for (let i = 0; i < 50 && watch.getSnapshot().last?.kind !== 'release-day'; i++) {
      watch.jump(() => actor.send({ type: 'run.jump', withinMinutes: JUMP_LIMIT_MINUTES }));
    }
    expect(watch.getSnapshot().last?.kind).toBe('release-day');
    expect(sim().now).toBe(watch.getSnapshot().last!.event.t);
    actor.stop();
  });

  it('does not stop at moments nobody chose while playing', () => {
    const { actor, watch, sim } = runner(defaultSettings('deployment', 1), ['release-day']);
    actor.send({ type: 'run.play' });
    for (let i = 0; i < 40; i++) actor.send({ type: 'run.tick', ms: 250 });
    expect(actor.getSnapshot().value).toBe('playing');
    expect(watch.getSnapshot().count).toBeGreaterThan(0);
    expect(sim().now).toBeGreaterThan(0);
    actor.stop();
  });
});

describe('rewind: the same run again from its journal', () => {
  it('rebuilds the run to an earlier moment event for event, with what people did on the way', () => {
    const settings = { ...defaultSettings('delivery', 4), approver: 'learner' as const };
    const { actor, sim } = runner(settings);
    const approve = { type: 'approval.approve', by: 'You' } as const;
    // Act between two events of the same minute as well as between minutes.
    actor.send({ type: 'fault.inject', fault: 'escape-defect' });
    for (let i = 0; i < 5000 && sim().now < 3 * 24 * 60; i++) {
      actor.send({ type: 'run.step' });
      if (actor.getSnapshot().can(approve)) actor.send(approve);
      if (i === 300) actor.send({ type: 'settings.change', change: { alarmThreshold: 0.02 } });
    }
    const original = sim().log.map(({ seq: _seq, ...e }) => e);
    const journal = actor.getSnapshot().context.journal;
    expect(journal.length).toBeGreaterThan(3);
    const to = journal[Math.floor(journal.length / 2)]!.mark.t + 60;
    actor.send({ type: 'run.rewind', to });
    const rewound = sim().log.map(({ seq: _seq, ...e }) => e);
    expect(sim().now).toBe(to);
    expect(rewound.length).toBeGreaterThan(100);
    expect(rewound).toEqual(original.filter((e) => e.t <= to));
    expect(actor.getSnapshot().context.journal.every((entry) => entry.mark.t <= to)).toBe(true);
    actor.stop();
  });
});

describe('moments belong to their run', () => {
  it("a run loaded from a file, or a new run at a later moment, keeps none of the old run's moments; a rewind keeps its own", () => {
    const { actor, watch, sim } = runner(defaultSettings('deployment', 1));
    for (let i = 0; i < 3; i++) watch.jump(() => actor.send({ type: 'run.jump', withinMinutes: JUMP_LIMIT_MINUTES }));
    const at = sim().now;
    expect(watch.momentBefore(at + 1)).not.toBeNull();

    // The same run made again keeps the moments before where it stands.
    actor.send({ type: 'run.rewind', to: at });
    expect(watch.momentBefore(at + 1)).not.toBeNull();

    // Another run opened later in its week (as a loaded file or a mode change at the same moment do).
    const { sim: other } = runner(defaultSettings('delivery', 7), [], at + 600);
    actor.send({ type: 'run.load', sim: other(), start: { settings: defaultSettings('delivery', 7), startAt: at + 600 }, journal: [] });
    expect(watch.momentBefore(sim().now)).toBeNull();
    actor.send({ type: 'run.reset', settings: defaultSettings('ci', 2), startAt: at + 600 });
    expect(watch.momentBefore(sim().now)).toBeNull();
    actor.stop();
  });
});
