import { describe, expect, it } from 'vitest';
import { createActor, type AnyStateMachine } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { stageMachine, type StageJob } from '@/machines/pipeline/stageMachine';
import { approvalMachine, type ApprovalRequest } from '@/machines/pipeline/approvalMachine';
import { pipelineMachine } from '@/machines/pipeline/pipelineMachine';
import { incidentMachine, type IncidentPlan } from '@/machines/production/incidentMachine';
import { runnerMachine } from '@/machines/runner/runnerMachine';
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

const after = (delay: string, stateId: string) => ({ type: `xstate.after.${delay}.${stateId}` }) as never;

const job = (execution: number): StageJob => ({ execution, revision: execution, duration: 5, outcome: 'succeeded', arrivedAt: 0 });
const request = (execution: number, ticketDelay = 0): ApprovalRequest => ({ execution, revision: execution, requestedAt: 0, ticketDelay });

describe('stage machine', () => {
  const events = [
    { type: 'job.arrived', job: job(1) },
    { type: 'job.arrived', job: job(2) },
    after('workDuration', 'stage.working'),
  ] as const;
  const paths = getShortestPaths(stageMachine, { events: events as never, input: { stage: 'build' }, limit: 200 });

  it('reaches every state', () => {
    expect([...reached(paths)].sort()).toEqual(leafStates(stageMachine).sort());
  });

  for (const path of paths) {
    it(`path ${paths.indexOf(path) + 1}: ${path.steps.map((s) => s.event.type).join(' → ') || '(start)'}`, () => {
      const actor = createActor(stageMachine, { input: { stage: 'build' } }).start();
      for (const step of path.steps) actor.send(step.event as never);
      expect(actor.getSnapshot().value).toEqual(path.state.value);
    });
  }

  it('supersedes the older waiting job when a newer one arrives', () => {
    const actor = createActor(stageMachine, { input: { stage: 'deploy' } }).start();
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

  for (const path of paths) {
    it(`path ${paths.indexOf(path) + 1}: ${path.steps.map((s) => s.event.type).join(' → ') || '(start)'}`, () => {
      const actor = createActor(approvalMachine).start();
      for (const step of path.steps) actor.send(step.event as never);
      expect(actor.getSnapshot().value).toEqual(path.state.value);
    });
  }

  it('only lets a person decide once the request is in front of the approver', () => {
    const actor = createActor(approvalMachine).start();
    expect(actor.getSnapshot().can({ type: 'approval.granted', by: 'x' })).toBe(false);
    actor.send({ type: 'approval.requested', request: request(1, 60) });
    expect(actor.getSnapshot().matches({ pending: 'inTicketQueue' })).toBe(true);
    expect(actor.getSnapshot().can({ type: 'approval.granted', by: 'x' })).toBe(false);
    actor.send(after('ticketDelay', 'approval.pending.inTicketQueue'));
    expect(actor.getSnapshot().can({ type: 'approval.granted', by: 'x' })).toBe(true);
  });

  it('takes the newest revision when asked, superseding the pending one', () => {
    const actor = createActor(approvalMachine).start();
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
    const expected = automatic
      ? ['impact', 'restored', 'rollingBack']
      : ['acknowledged', 'impact', 'paged', 'restored', 'rollingBack'];
    it(`reaches every state a ${automatic ? 'Continuous Deployment' : 'human'} rollback passes through`, () => {
      expect([...reached(paths)].sort()).toEqual(expected);
    });
    for (const path of paths) {
      it(`path ${paths.indexOf(path) + 1} (${automatic ? 'automatic' : 'human'}): ${path.steps.map((s) => s.event.type).join(' → ') || '(start)'}`, () => {
        const actor = createActor(incidentMachine, { input: { plan: plan(automatic) } }).start();
        for (const step of path.steps) actor.send(step.event as never);
        expect(actor.getSnapshot().value).toEqual(path.state.value);
      });
    }
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
  });
});
