import { describe, expect, it } from 'vitest';
import { createActor, type AnyEventObject, type AnyStateMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { stageMachine, type StageJob } from '@/machines/pipeline/stageMachine';
import { approvalMachine, type ApprovalRequest } from '@/machines/pipeline/approvalMachine';
import { pipelineMachine } from '@/machines/pipeline/pipelineMachine';
import { incidentMachine, type IncidentPlan } from '@/machines/production/incidentMachine';
import { runnerMachine } from '@/machines/runner/runnerMachine';
import { VirtualClock } from '@/machines/sim/scheduler';
import { defaultSettings } from '@/machines/world/settings';

/** Every leaf state of a machine, as the dotted path `snapshot.matches` accepts. */
function leafStates(machine: AnyStateMachine): string[] {
  const leaves: string[] = [];
  const walk = (node: { states: Record<string, unknown>; path: string[] }) => {
    const children = Object.values(node.states) as (typeof node)[];
    if (children.length === 0) leaves.push(node.path.join('.'));
    for (const child of children) walk(child);
  };
  walk(machine.root as unknown as { states: Record<string, unknown>; path: string[] });
  return leaves;
}

function reached(paths: { state: { value: unknown } }[]): Set<string> {
  const flatten = (value: unknown, prefix: string[] = []): string[] =>
    typeof value === 'string'
      ? [[...prefix, value].join('.')]
      : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, [...prefix, k]));
  return new Set(paths.flatMap((p) => flatten(p.state.value)));
}

/**
 * Replays a path's steps on a fresh actor (on a VirtualClock, so no real timer is left behind) and
 * records what the machine emitted on the way. The path generator finds the states; each test
 * below then checks what the state it reached means, from what the machine said and holds and
 * what it would accept next, never by comparing the replay with the generator's own snapshot.
 */
function replay<M extends AnyStateMachine>(machine: M, steps: readonly { event: AnyEventObject }[], input?: unknown) {
  const actor = createActor(machine, { clock: new VirtualClock(), ...(input === undefined ? {} : { input }) } as never);
  const emitted: AnyEventObject[] = [];
  actor.on('*', (event: AnyEventObject) => emitted.push(event));
  actor.start();
  const sent = steps.map((s) => s.event).filter((e) => e.type !== 'xstate.init');
  for (const event of sent) actor.send(event as never);
  return { actor, emitted, sent };
}

const count = (events: readonly AnyEventObject[], type: string) => events.filter((e) => e.type === type).length;
/** A path in words, with what tells its steps apart (which job, which incident, through a ticket). */
function describePath(steps: readonly { event: AnyEventObject }[]): string {
  const words = (e: AnyEventObject): string | null => {
    if (e.type === 'xstate.init') return null;
    if (e.type.startsWith('xstate.after.')) return `after ${e.type.split('.')[2]}`;
    if (e.type === 'job.arrived') return `arrive ${e.job.execution}`;
    if (e.type === 'approval.requested') return `request ${e.request.execution}${e.request.ticketDelay > 0 ? ' (ticket)' : ''}`;
    if ('incident' in e) return `${e.type} ${e.incident}`;
    return e.type;
  };
  return (
    steps
      .map((s) => words(s.event))
      .filter(Boolean)
      .join(' → ') || 'the start'
  );
}

const after = (delay: string, stateId: string) => ({ type: `xstate.after.${delay}.${stateId}` }) as never;

const job = (execution: number): StageJob => ({ execution, revision: execution, duration: 5, outcome: 'succeeded', arrivedAt: 0 });
const request = (execution: number, ticketDelay = 0): ApprovalRequest => ({ execution, revision: execution, requestedAt: 0, ticketDelay });

describe('stage machine', () => {
  const events = [{ type: 'job.arrived', job: job(1) }, { type: 'job.arrived', job: job(2) }, after('workDuration', 'stage.working')] as const;
  const paths = getShortestPaths(stageMachine, { events: events as never, input: { stage: 'build' }, limit: 200 });

  it('reaches every state', () => {
    expect([...reached(paths)].sort()).toEqual(leafStates(stageMachine).sort());
  });

  for (const path of paths) {
    const state = String(path.state.value);
    it(`${state} after ${describePath(path.steps)}: ${state === 'idle' ? 'holds nothing and starts the next arrival at once' : 'works on the job it announced, queues the next arrival'}`, () => {
      const { actor, emitted, sent } = replay(stageMachine, path.steps, { stage: 'build' });
      const { current, waiting } = actor.getSnapshot().context;
      // Every arrival is accounted for: started, superseded, or waiting at the entrance.
      const arrivals = count(sent, 'job.arrived');
      expect(count(emitted, 'job.started') + count(emitted, 'job.superseded') + (waiting ? 1 : 0)).toBe(arrivals);
      // Every started job finished, but the one in progress.
      expect(count(emitted, 'job.finished')).toBe(count(emitted, 'job.started') - (current ? 1 : 0));
      expect(emitted.every((e) => e.stage === 'build')).toBe(true);
      expect(actor.getSnapshot().can({ type: 'job.arrived', job: job(9) })).toBe(true);

      const before = emitted.length;
      actor.send({ type: 'job.arrived', job: job(9) });
      const next = emitted.slice(before);
      if (state === 'idle') {
        expect(current).toBeNull();
        expect(waiting).toBeNull();
        expect(next).toEqual([{ type: 'job.started', stage: 'build', job: job(9) }]);
      } else {
        // The job in progress is the last one announced as started.
        expect(current).toEqual(emitted.filter((e) => e.type === 'job.started').at(-1)!.job);
        // A newer arrival waits; it supersedes the one waiting before it, if any.
        expect(next).toEqual(waiting ? [{ type: 'job.superseded', stage: 'build', job: waiting, by: job(9) }] : []);
        expect(actor.getSnapshot().context).toMatchObject({ current, waiting: job(9) });
      }
    });
  }

  it('supersedes the older waiting job when a newer one arrives', () => {
    const actor = createActor(stageMachine, { input: { stage: 'deploy' }, clock: new VirtualClock() }).start();
    const superseded: number[] = [];
    actor.on('job.superseded', (e) => superseded.push(e.job.execution));
    actor.send({ type: 'job.arrived', job: job(1) });
    actor.send({ type: 'job.arrived', job: job(2) });
    actor.send({ type: 'job.arrived', job: job(3) });
    expect(superseded).toEqual([2]);
    expect(actor.getSnapshot().context.waiting?.execution).toBe(3);
    expect(actor.getSnapshot().context.current?.execution).toBe(1);
  });
});

describe('approval machine', () => {
  const events = [
    { type: 'approval.requested', request: request(1) },
    { type: 'approval.requested', request: request(2, 30) },
    { type: 'approval.granted', by: 'Priya' },
    { type: 'approval.rejected', by: 'Priya' },
    { type: 'approval.takeNewest' },
    after('ticketDelay', 'approval.pending.inTicketQueue'),
  ] as const;
  const paths = getShortestPaths(approvalMachine, { events: events as never, limit: 500 });

  it('reaches every state (the ticket queue only when the approver sits in another team)', () => {
    const leaves = leafStates(approvalMachine).filter((s) => s !== 'pending.routing');
    expect([...reached(paths)].sort()).toEqual(leaves.sort());
  });

  const meaning: Record<string, string> = {
    idle: 'nothing to decide; the next request goes to the approver',
    'pending.inTicketQueue': 'the request waits in the ticket queue; nobody can decide yet',
    'pending.awaitingDecision': 'the approver has been told and may approve, reject or take the newest',
  };
  const grant = { type: 'approval.granted', by: 'You' } as const;
  const reject = { type: 'approval.rejected', by: 'You' } as const;
  const takeNewest = { type: 'approval.takeNewest' } as const;

  for (const path of paths) {
    const state = [...reached([path])][0]!;
    it(`${state} after ${describePath(path.steps)}: ${meaning[state]}`, () => {
      const { actor, emitted, sent } = replay(approvalMachine, path.steps);
      const snapshot = actor.getSnapshot();
      const { pending, waiting } = snapshot.context;
      // Every request is accounted for: decided, superseded, pending or waiting behind it.
      const decided = emitted.filter((e) => e.type === 'approval.decided');
      expect(decided.length + count(emitted, 'approval.superseded') + (pending ? 1 : 0) + (waiting ? 1 : 0)).toBe(count(sent, 'approval.requested'));
      // Only a request the approver was told about is ever decided.
      const announced = emitted.filter((e) => e.type === 'approval.ready').map((e) => e.request.execution);
      for (const d of decided) expect(announced).toContain(d.request.execution);

      const decisionOpen = state === 'pending.awaitingDecision';
      expect(snapshot.can(grant)).toBe(decisionOpen);
      expect(snapshot.can(reject)).toBe(decisionOpen);
      expect(snapshot.can(takeNewest)).toBe(decisionOpen && waiting !== null);
      expect(snapshot.can({ type: 'approval.requested', request: request(9) })).toBe(true);

      const before = emitted.length;
      if (state === 'idle') {
        expect(pending).toBeNull();
        expect(waiting).toBeNull();
        actor.send({ type: 'approval.requested', request: request(9) });
        expect(emitted.slice(before)).toEqual([{ type: 'approval.ready', request: request(9) }]);
      } else if (state === 'pending.inTicketQueue') {
        expect(pending!.ticketDelay).toBeGreaterThan(0);
        // Not announced yet, and a decision now is ignored.
        expect(emitted.filter((e) => e.type === 'approval.ready').at(-1)?.request).not.toEqual(pending);
        actor.send(grant);
        expect(emitted.length).toBe(before);
        expect(actor.getSnapshot().context.pending).toEqual(pending);
      } else {
        // The approver was told about the pending request, and the decision is about it.
        expect(emitted.filter((e) => e.type === 'approval.ready').at(-1)!.request).toEqual(pending);
        actor.send(reject);
        expect(emitted[before]).toEqual({ type: 'approval.decided', request: pending, approved: false, by: 'You', comment: undefined });
        // The revision waiting behind it is next in line.
        expect(actor.getSnapshot().context.pending).toEqual(waiting);
        expect(actor.getSnapshot().matches('idle')).toBe(waiting === null);
      }
    });
  }

  it('only lets a person decide once the request is in front of the approver', () => {
    const actor = createActor(approvalMachine, { clock: new VirtualClock() }).start();
    expect(actor.getSnapshot().can({ type: 'approval.granted', by: 'x' })).toBe(false);
    actor.send({ type: 'approval.requested', request: request(1, 60) });
    expect(actor.getSnapshot().matches({ pending: 'inTicketQueue' })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'approval.granted', by: 'x' })).toBe(false);
    actor.send(after('ticketDelay', 'approval.pending.inTicketQueue'));
    expect(actor.getSnapshot().can({ type: 'approval.granted', by: 'x' })).toBe(true);
  });

  it('takes the newest revision when asked, superseding the pending one', () => {
    const actor = createActor(approvalMachine, { clock: new VirtualClock() }).start();
    const superseded: number[] = [];
    const decided: [number, boolean][] = [];
    actor.on('approval.superseded', (e) => superseded.push(e.request.execution));
    actor.on('approval.decided', (e) => decided.push([e.request.execution, e.approved]));
    actor.send({ type: 'approval.requested', request: request(1) });
    actor.send({ type: 'approval.requested', request: request(2) });
    actor.send({ type: 'approval.requested', request: request(3) });
    actor.send({ type: 'approval.takeNewest' });
    actor.send({ type: 'approval.granted', by: 'Priya' });
    expect(superseded).toEqual([2, 1]);
    expect(decided).toEqual([[3, true]]);
    expect(actor.getSnapshot().matches('idle')).toBe(true);
  });
});

// Kept minimal while the incident machine is being reworked: which states are reachable, and how
// service was restored. Per-path checks of what each state means belong with the new machine.
describe('incident machine', () => {
  const plan = (automaticRollback: boolean, detectedBy: 'alarm' | 'customers' = 'alarm'): IncidentPlan => ({
    id: 1,
    detectAfter: 5,
    detectedBy,
    automaticRollback,
    rollbackFails: false,
    ackAfter: 5,
    decideAfter: 10,
    rollbackTakes: 4,
  });
  const events = [
    after('detection', 'incident.impact'),
    after('acknowledgement', 'incident.paged'),
    after('decision', 'incident.acknowledged'),
    after('rollback', 'incident.rollingBack'),
    { type: 'rollback.start', by: 'You' },
    { type: 'fix.deployed' },
  ] as const;

  for (const automatic of [false, true]) {
    const paths = getShortestPaths(incidentMachine, { events: events as never, input: { plan: plan(automatic) } });
    const expected = automatic ? ['impact', 'restored', 'rollingBack'] : ['acknowledged', 'impact', 'paged', 'restored', 'rollingBack'];
    it(`reaches every state a ${automatic ? 'Continuous Deployment' : 'human'} rollback passes through`, () => {
      expect([...reached(paths)].sort()).toEqual(expected);
    });
  }

  it('records how service was restored', () => {
    const human = createActor(incidentMachine, { input: { plan: plan(false) } }).start();
    human.send(after('detection', 'incident.impact'));
    human.send({ type: 'rollback.start', by: 'You' });
    human.send(after('rollback', 'incident.rollingBack'));
    expect(human.getSnapshot().context.restoredBy).toBe('manual-rollback');

    const automatic = createActor(incidentMachine, { input: { plan: plan(true) } }).start();
    automatic.send(after('detection', 'incident.impact'));
    automatic.send(after('rollback', 'incident.rollingBack'));
    expect(automatic.getSnapshot().context.restoredBy).toBe('automatic-rollback');

    const fixed = createActor(incidentMachine, { input: { plan: plan(false, 'customers') } }).start();
    fixed.send({ type: 'fix.deployed' });
    expect(fixed.getSnapshot().context.restoredBy).toBe('fix');
  });

  it('does not roll back automatically when customers, not an alarm, found the incident', () => {
    const actor = createActor(incidentMachine, { input: { plan: plan(true, 'customers') } }).start();
    actor.send(after('detection', 'incident.impact'));
    expect(actor.getSnapshot().value).toBe('paged');
  });
});

describe('pipeline machine', () => {
  const events = [
    { type: 'line.stop', incident: 1 },
    { type: 'line.stop', incident: 2 },
    { type: 'line.resume', incident: 1 },
    { type: 'line.resume', incident: 2 },
  ] as const;
  const paths = getShortestPaths(pipelineMachine, { events: events as never });

  it('reaches every state', () => {
    expect([...reached(paths)].sort()).toEqual(leafStates(pipelineMachine).sort());
  });

  for (const path of paths) {
    it(`after ${describePath(path.steps)}: held exactly for the incidents stopped and not resumed`, () => {
      const { actor, sent } = replay(pipelineMachine, path.steps);
      // The incidents still holding the line, worked out from the events alone.
      const holding = new Set<number>();
      for (const e of sent as { type: string; incident: number }[]) {
        if (e.type === 'line.stop') holding.add(e.incident);
        else holding.delete(e.incident);
      }
      const snapshot = actor.getSnapshot();
      expect([...snapshot.context.heldFor].sort()).toEqual([...holding].sort());
      expect(snapshot.value).toBe(holding.size > 0 ? 'held' : 'flowing');
      // A resume only means something while the line is held.
      expect(snapshot.can({ type: 'line.resume', incident: 1 })).toBe(holding.size > 0);
    });
  }

  it('flows again only when every held incident is resolved', () => {
    const actor = createActor(pipelineMachine).start();
    actor.send({ type: 'line.stop', incident: 1 });
    actor.send({ type: 'line.stop', incident: 2 });
    actor.send({ type: 'line.resume', incident: 1 });
    expect(actor.getSnapshot().value).toBe('held');
    actor.send({ type: 'line.resume', incident: 2 });
    expect(actor.getSnapshot().value).toBe('flowing');
  });
});

describe('runner machine', () => {
  const input = { settings: { ...defaultSettings('deployment', 3), days: 5 } };
  const events = [{ type: 'run.play' }, { type: 'run.pause' }, { type: 'run.toggle' }, { type: 'run.step' }] as const;
  // The run inside is mutable and its version counter grows: states are told apart by value alone.
  const paths = getShortestPaths(runnerMachine, {
    events: events as never,
    input,
    limit: 50,
    serializeState: (snapshot) => JSON.stringify(snapshot.value),
  });

  it('reaches every state', () => {
    expect([...reached(paths)].sort()).toEqual(leafStates(runnerMachine).sort());
  });

  for (const path of paths) {
    const state = String(path.state.value);
    it(`${state} after ${describePath(path.steps)}: ${state === 'playing' ? 'frames move virtual time; Pause stops it' : 'time stands still until Play or Step'}`, () => {
      const { actor } = replay(runnerMachine, path.steps, input);
      const snapshot = actor.getSnapshot();
      const playing = state === 'playing';
      expect(snapshot.can({ type: 'run.tick', ms: 100 })).toBe(playing);
      expect(snapshot.can({ type: 'run.pause' })).toBe(playing);
      expect(snapshot.can({ type: 'run.play' })).toBe(!playing);
      expect(snapshot.can({ type: 'run.step' })).toBe(true);
      // Continuous Deployment has no Approval stage: there is never a decision to take.
      expect(snapshot.can({ type: 'approval.approve', by: 'You' })).toBe(false);
      const at = snapshot.context.sim.now;
      actor.send({ type: 'run.tick', ms: 100 });
      expect(actor.getSnapshot().context.sim.now > at).toBe(playing);
      actor.stop();
    });
  }

  it('takes Approve and Reject only while a decision is awaited, which the UI asks with can()', () => {
    const settings = { ...defaultSettings('delivery', 3), approver: 'learner' as const, days: 5 };
    const actor = createActor(runnerMachine, { input: { settings } }).start();
    const approve = { type: 'approval.approve', by: 'You' } as const;
    const reject = { type: 'approval.reject', by: 'You' } as const;
    expect(actor.getSnapshot().can(approve)).toBe(false);
    expect(actor.getSnapshot().can(reject)).toBe(false);
    // Refused: the run does not change and selectors are not woken.
    const version = actor.getSnapshot().context.version;
    actor.send(approve);
    expect(actor.getSnapshot().context.version).toBe(version);

    for (let i = 0; i < 2000 && !actor.getSnapshot().can(approve); i++) actor.send({ type: 'run.step' });
    const { sim } = actor.getSnapshot().context;
    expect(sim.approval!.phase).toBe('awaitingDecision');
    expect(actor.getSnapshot().can(reject)).toBe(true);
    const pending = sim.approval!.pending!;
    const before = actor.getSnapshot().context.version;
    actor.send(approve);
    expect(actor.getSnapshot().context.version).toBe(before + 1);
    expect(sim.log.some((e) => e.type === 'approval.granted' && e.revision === pending.revision && e.by === 'You')).toBe(true);
    // Whether the next decision is open depends on what waited behind it; can() follows the runner.
    expect(actor.getSnapshot().can(approve)).toBe(sim.approval!.phase === 'awaitingDecision');
    actor.stop();
  });

  it('moves virtual time only while playing', () => {
    const actor = createActor(runnerMachine, { input }).start();
    actor.send({ type: 'run.tick', ms: 100 });
    expect(actor.getSnapshot().context.sim.now).toBe(0);
    actor.send({ type: 'run.play' });
    actor.send({ type: 'run.speed', speed: 60 });
    actor.send({ type: 'run.tick', ms: 200 });
    // Monday 00:00 is quiet time: it passes 20x faster.
    expect(actor.getSnapshot().context.sim.now).toBeCloseTo(0.2 * 60 * 20);
    actor.send({ type: 'run.pause' });
    const at = actor.getSnapshot().context.sim.now;
    actor.send({ type: 'run.tick', ms: 200 });
    expect(actor.getSnapshot().context.sim.now).toBe(at);
  });

  it('caps a long frame so a returning tab does not skip the class ahead', () => {
    const actor = createActor(runnerMachine, { input }).start();
    actor.send({ type: 'run.play' });
    actor.send({ type: 'run.tick', ms: 60_000 });
    expect(actor.getSnapshot().context.sim.now).toBeLessThanOrEqual(0.25 * 30 * 20);
  });

  it('steps to the next moment something happens, and pauses', () => {
    const actor = createActor(runnerMachine, { input }).start();
    actor.send({ type: 'run.play' });
    actor.send({ type: 'run.step' });
    const { sim } = actor.getSnapshot().context;
    expect(actor.getSnapshot().value).toBe('paused');
    expect(sim.log[0]!.type).toBe('commit.pushed');
    // A push starts its execution in the same minute; nothing from a later minute is run.
    expect(new Set(sim.log.map((e) => e.t)).size).toBe(1);
    actor.send({ type: 'run.step' });
    expect(new Set(sim.log.map((e) => e.t)).size).toBe(2);
  });

  it('reset starts a fresh run from the new settings', () => {
    const actor = createActor(runnerMachine, { input }).start();
    actor.send({ type: 'run.step' });
    const first = actor.getSnapshot().context.sim;
    actor.send({ type: 'run.reset', settings: { ...defaultSettings('delivery', 9), days: 5 } });
    const second = actor.getSnapshot().context.sim;
    expect(second).not.toBe(first);
    expect(second.settings.mode).toBe('delivery');
    expect(second.log).toHaveLength(0);
    // The old run was stopped, not the new one: its stages still take work.
    for (let i = 0; i < 20 && !second.log.some((e) => e.type === 'stage.succeeded'); i++) actor.send({ type: 'run.step' });
    expect(second.log.some((e) => e.type === 'stage.succeeded')).toBe(true);
  });
});

describe('runnerMachine with a watch (lessons, "stop at")', () => {
  /** Stops at every alarm-free event of one type; counts what it was shown. */
  function watchFor(type: string) {
    let wanted = false;
    let unsubscribe = () => {};
    const seen: number[] = [];
    return {
      seen,
      attach(sim: import('@/machines/engine/simulation').Simulation) {
        unsubscribe();
        unsubscribe = sim.subscribe((e) => {
          if (e.type === type) {
            wanted = true;
            seen.push(e.t);
          }
        });
      },
      takeStop() {
        const was = wanted;
        wanted = false;
        return was;
      },
    };
  }
  const settings = { ...defaultSettings('deployment', 3), days: 5 };

  it('pauses at the watched event itself, however long the frame', () => {
    const watch = watchFor('stage.succeeded');
    const actor = createActor(runnerMachine, { input: { settings, speed: 240, watch, startAt: 8 * 60 } }).start();
    expect(actor.getSnapshot().context.sim.now).toBe(8 * 60);
    actor.send({ type: 'run.play' });
    for (let i = 0; i < 200 && actor.getSnapshot().matches('playing'); i++) actor.send({ type: 'run.tick', ms: 250 });
    const { sim } = actor.getSnapshot().context;
    expect(actor.getSnapshot().value).toBe('paused');
    expect(watch.seen).toHaveLength(1);
    // The clock stands at the moment, not at the end of the frame it fell in.
    expect(sim.now).toBe(watch.seen[0]);
    // Only what happened in the same instant (the next stage taking the revision) follows it.
    const at = sim.log.findIndex((e) => e.type === 'stage.succeeded');
    expect(sim.log.slice(at).every((e) => e.t === watch.seen[0])).toBe(true);
    // Playing on goes past it to the next one.
    actor.send({ type: 'run.play' });
    for (let i = 0; i < 200 && actor.getSnapshot().matches('playing'); i++) actor.send({ type: 'run.tick', ms: 250 });
    expect(watch.seen).toHaveLength(2);
    actor.stop();
  });

  it('jumps to the next watched moment in one go, and follows a reset', () => {
    const watch = watchFor('deploy.succeeded');
    const actor = createActor(runnerMachine, { input: { settings } }).start();
    actor.send({ type: 'run.watch', watch });
    actor.send({ type: 'run.jump', withinMinutes: 3 * 24 * 60 });
    expect(actor.getSnapshot().value).toBe('paused');
    expect(watch.seen).toHaveLength(1);
    expect(actor.getSnapshot().context.sim.now).toBe(watch.seen[0]);
    actor.send({ type: 'run.reset', settings, startAt: 60 });
    expect(actor.getSnapshot().context.sim.now).toBe(60);
    actor.send({ type: 'run.jump', withinMinutes: 3 * 24 * 60 });
    expect(watch.seen).toHaveLength(2);
    // The same seed: the same first deployment.
    expect(watch.seen[1]).toBe(watch.seen[0]);
    actor.stop();
  });

  it('jumps no further than asked when nothing comes', () => {
    const watch = watchFor('alarm.fired');
    const actor = createActor(runnerMachine, { input: { settings, watch } }).start();
    actor.send({ type: 'run.jump', withinMinutes: 600 });
    expect(actor.getSnapshot().context.sim.now).toBe(600);
    actor.stop();
  });
});
