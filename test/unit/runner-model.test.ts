import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StageName } from '@/machines/events';
import { DirectApproval, machineApproval, type ApprovalRunner } from '@/machines/pipeline/approvalRunner';
import type { ApprovalRequest } from '@/machines/pipeline/approvalMachine';
import type { StageJob } from '@/machines/pipeline/stageMachine';
import { DirectStage, machineStage, type StageRunner } from '@/machines/pipeline/stageRunner';
import { VirtualClock } from '@/machines/sim/scheduler';
import type { IncidentEvent, IncidentPlan } from '@/machines/production/incidentMachine';
import { DirectIncident, machineIncident, type IncidentRunner } from '@/machines/production/incidentRunner';

/**
 * Model-based tests of the hand transcriptions used by batch runs (DirectStage, DirectApproval, DirectIncident)
 * against the XState actors they transcribe (the reference). Random sequences of arrivals,
 * requests, decisions, "take newest" and clock advances drive both side by side, each on its own
 * VirtualClock, and after every step the two must agree on:
 *
 * - the trace: every emitted event, with the virtual time it was emitted at and what the runner
 *   showed at that moment, and every timer the runner set, in order. Batch runs share one clock
 *   between the engine and its stages, so the order in which a stage emits and sets timers
 *   decides the order of same-minute events in the engine's log;
 * - what the runner holds (current and waiting job; approval phase, pending and waiting request,
 *   whether a decision is awaited) and what `decide` answered.
 *
 * Each runner has at most one timer of its own, so nothing here rests on how XState orders
 * timers that fall due in the same minute.
 */

type Trace = unknown[];

/** A clock that writes each timer it is asked for into the trace. */
class TracingClock extends VirtualClock {
  constructor(private readonly trace: Trace) {
    super();
  }
  override setTimeout(fn: () => void, delay: number): number {
    this.trace.push({ timer: delay, at: this.now() });
    return super.setTimeout(fn, delay);
  }
}

// ---------------------------------------------------------------- stages

interface StageSide {
  clock: VirtualClock;
  runner: StageRunner;
  trace: Trace;
}

const STAGE: StageName = 'build';

function stageSide(kind: 'machine' | 'direct'): StageSide {
  const trace: Trace = [];
  const clock = new TracingClock(trace);
  // Handlers read the runner, which exists once created: nothing is emitted before that.
  const box: { runner?: StageRunner } = {};
  const seen = () => ({ current: box.runner!.current?.execution ?? null, waiting: box.runner!.waiting?.execution ?? null });
  const record = (event: object) => trace.push({ at: clock.now(), event, seen: seen() });
  const handlers = { 'job.started': record, 'job.finished': record, 'job.superseded': record };
  box.runner = kind === 'machine' ? machineStage(clock, STAGE, handlers) : new DirectStage(clock, STAGE, handlers);
  return { clock, runner: box.runner, trace };
}

interface StageModel {
  machine: StageSide;
  nextExecution: number;
}

function agreeStage(m: StageModel, direct: StageSide) {
  expect(direct.trace).toEqual(m.machine.trace);
  expect(direct.runner.current).toEqual(m.machine.runner.current);
  expect(direct.runner.waiting).toEqual(m.machine.runner.waiting);
  expect(direct.clock.now()).toBe(m.machine.clock.now());
  expect(direct.clock.pending).toBe(m.machine.clock.pending);
}

class Arrive implements fc.Command<StageModel, StageSide> {
  constructor(
    readonly duration: number,
    readonly outcome: StageJob['outcome'],
  ) {}
  check = () => true;
  run(m: StageModel, direct: StageSide) {
    const execution = m.nextExecution++;
    const job: StageJob = { execution, revision: execution, duration: this.duration, outcome: this.outcome, arrivedAt: m.machine.clock.now() };
    m.machine.runner.arrive({ ...job });
    direct.runner.arrive({ ...job });
    agreeStage(m, direct);
  }
  toString = () => `arrive(${this.duration}, ${this.outcome})`;
}

class AdvanceStage implements fc.Command<StageModel, StageSide> {
  constructor(readonly minutes: number) {}
  check = () => true;
  run(m: StageModel, direct: StageSide) {
    const to = m.machine.clock.now() + this.minutes;
    m.machine.clock.advanceTo(to);
    direct.clock.advanceTo(to);
    agreeStage(m, direct);
  }
  toString = () => `advance(${this.minutes})`;
}

const stageCommands = [
  fc.tuple(fc.integer({ min: 0, max: 30 }), fc.constantFrom('succeeded' as const, 'failed' as const)).map(([d, o]) => new Arrive(d, o)),
  fc.integer({ min: 0, max: 40 }).map((n) => new AdvanceStage(n)),
];

// ---------------------------------------------------------------- approval

interface ApprovalSide {
  clock: VirtualClock;
  runner: ApprovalRunner;
  trace: Trace;
}

function approvalState(runner: ApprovalRunner) {
  return { phase: runner.phase, canDecide: runner.canDecide, pending: runner.pending, waiting: runner.waiting };
}

function approvalSide(kind: 'machine' | 'direct'): ApprovalSide {
  const trace: Trace = [];
  const clock = new TracingClock(trace);
  const box: { runner?: ApprovalRunner } = {};
  const record = (event: object) => trace.push({ at: clock.now(), event, seen: approvalState(box.runner!) });
  const handlers = { 'approval.ready': record, 'approval.decided': record, 'approval.superseded': record };
  box.runner = kind === 'machine' ? machineApproval(clock, handlers) : new DirectApproval(clock, handlers);
  return { clock, runner: box.runner, trace };
}

interface ApprovalModel {
  machine: ApprovalSide;
  nextExecution: number;
}

function agreeApproval(m: ApprovalModel, direct: ApprovalSide) {
  expect(direct.trace).toEqual(m.machine.trace);
  expect(approvalState(direct.runner)).toEqual(approvalState(m.machine.runner));
  expect(direct.clock.now()).toBe(m.machine.clock.now());
  expect(direct.clock.pending).toBe(m.machine.clock.pending);
}

class Request implements fc.Command<ApprovalModel, ApprovalSide> {
  constructor(readonly ticketDelay: number) {}
  check = () => true;
  run(m: ApprovalModel, direct: ApprovalSide) {
    const execution = m.nextExecution++;
    const request: ApprovalRequest = { execution, revision: execution, requestedAt: m.machine.clock.now(), ticketDelay: this.ticketDelay };
    m.machine.runner.request({ ...request });
    direct.runner.request({ ...request });
    agreeApproval(m, direct);
  }
  toString = () => `request(ticket ${this.ticketDelay})`;
}

class Decide implements fc.Command<ApprovalModel, ApprovalSide> {
  constructor(
    readonly approved: boolean,
    readonly by: string,
    readonly comment: string | undefined,
  ) {}
  check = () => true;
  run(m: ApprovalModel, direct: ApprovalSide) {
    const expected = m.machine.runner.decide(this.approved, this.by, this.comment);
    expect(direct.runner.decide(this.approved, this.by, this.comment)).toBe(expected);
    agreeApproval(m, direct);
  }
  toString = () => `${this.approved ? 'approve' : 'reject'}(${this.by}${this.comment ? `, "${this.comment}"` : ''})`;
}

class TakeNewest implements fc.Command<ApprovalModel, ApprovalSide> {
  check = () => true;
  run(m: ApprovalModel, direct: ApprovalSide) {
    m.machine.runner.takeNewest();
    direct.runner.takeNewest();
    agreeApproval(m, direct);
  }
  toString = () => 'takeNewest()';
}

class AdvanceApproval implements fc.Command<ApprovalModel, ApprovalSide> {
  constructor(readonly minutes: number) {}
  check = () => true;
  run(m: ApprovalModel, direct: ApprovalSide) {
    const to = m.machine.clock.now() + this.minutes;
    m.machine.clock.advanceTo(to);
    direct.clock.advanceTo(to);
    agreeApproval(m, direct);
  }
  toString = () => `advance(${this.minutes})`;
}

const approvalCommands = [
  // Half the requests go straight to the approver (devops), half through a ticket queue (silos).
  fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 })).map((t) => new Request(t)),
  fc
    .tuple(fc.boolean(), fc.constantFrom('You', 'Priya', 'Helen'), fc.option(fc.constantFrom('ship it', 'not today'), { nil: undefined }))
    .map(([approved, by, comment]) => new Decide(approved, by, comment)),
  fc.constant(new TakeNewest()),
  fc.integer({ min: 0, max: 40 }).map((n) => new AdvanceApproval(n)),
];

// ---------------------------------------------------------------- incidents

interface IncidentSide {
  clock: VirtualClock;
  runner: IncidentRunner;
  trace: Trace;
}

const INCIDENT_EVENTS: IncidentEvent[] = [
  { type: 'rollback.start', by: 'You' },
  { type: 'fix.deployed' },
  { type: 'production.reverted', path: 'manual-rollback' },
  { type: 'rollback.ruledOut' },
];

/** What the runner would take now, for every kind of event. */
function incidentState(runner: IncidentRunner) {
  return INCIDENT_EVENTS.map((e) => runner.can(e));
}

/**
 * One incident on its own clock. With `reentrant`, its handlers send to the incident they hear
 * (as the engine's handlers may, through other incidents): XState queues such an event until the
 * step that emitted is complete.
 */
function incidentSide(kind: 'machine' | 'direct', plan: IncidentPlan, reentrant: boolean): IncidentSide {
  const trace: Trace = [];
  const clock = new TracingClock(trace);
  const box: { runner?: IncidentRunner } = {};
  const record = (event: object) => trace.push({ at: clock.now(), event, seen: incidentState(box.runner!) });
  const handlers = {
    'incident.detected': (e: object) => {
      record(e);
      if (reentrant) box.runner!.send({ type: 'rollback.start', by: 'Priya' });
    },
    'incident.acknowledged': record,
    'incident.rollbackStarted': (e: object) => {
      record(e);
      if (reentrant) box.runner!.send({ type: 'production.reverted', path: 'automatic-rollback' });
    },
    'incident.rolledBack': record,
    'incident.rollbackFailed': record,
    'incident.restored': (e: object) => {
      record(e);
      if (reentrant) box.runner!.send({ type: 'fix.deployed' });
    },
  };
  box.runner = kind === 'machine' ? machineIncident(clock, plan, handlers) : new DirectIncident(clock, plan, handlers);
  box.runner.start();
  return { clock, runner: box.runner, trace };
}

interface IncidentModel {
  machine: IncidentSide;
}

function agreeIncident(m: IncidentModel, direct: IncidentSide) {
  expect(direct.trace).toEqual(m.machine.trace);
  expect(incidentState(direct.runner)).toEqual(incidentState(m.machine.runner));
  expect(direct.clock.now()).toBe(m.machine.clock.now());
  expect(direct.clock.pending).toBe(m.machine.clock.pending);
}

class SendIncident implements fc.Command<IncidentModel, IncidentSide> {
  constructor(readonly event: IncidentEvent) {}
  check = () => true;
  run(m: IncidentModel, direct: IncidentSide) {
    m.machine.runner.send({ ...this.event });
    direct.runner.send({ ...this.event });
    agreeIncident(m, direct);
  }
  toString = () => `send(${JSON.stringify(this.event)})`;
}

class AdvanceIncident implements fc.Command<IncidentModel, IncidentSide> {
  constructor(readonly minutes: number) {}
  check = () => true;
  run(m: IncidentModel, direct: IncidentSide) {
    const to = m.machine.clock.now() + this.minutes;
    m.machine.clock.advanceTo(to);
    direct.clock.advanceTo(to);
    agreeIncident(m, direct);
  }
  toString = () => `advance(${this.minutes})`;
}

const incidentPlan = fc.record({
  id: fc.integer({ min: 1, max: 99 }),
  detectAfter: fc.integer({ min: 0, max: 30 }),
  detectedBy: fc.constantFrom('alarm' as const, 'customers' as const),
  automaticRollback: fc.boolean(),
  ackAfter: fc.integer({ min: 0, max: 30 }),
  decideAfter: fc.integer({ min: 0, max: 30 }),
  rollbackTakes: fc.integer({ min: 0, max: 30 }),
  rollbackFails: fc.boolean(),
});

const incidentCommands = [
  fc
    .tuple(fc.constantFrom(...INCIDENT_EVENTS), fc.constantFrom('You', 'Helen'), fc.constantFrom('manual-rollback' as const, 'automatic-rollback' as const))
    .map(
      ([event, by, path]) =>
        new SendIncident(event.type === 'rollback.start' ? { ...event, by } : event.type === 'production.reverted' ? { ...event, path } : event),
    ),
  fc.integer({ min: 0, max: 40 }).map((n) => new AdvanceIncident(n)),
];

// ---------------------------------------------------------------- the runs

const RUNS = { numRuns: 300 };
/**
 * The "is exercised" checks ask whether the generators reach every event, which is a question about
 * a sample: a fixed one, so the answer does not change from run to run. With a new seed each run,
 * a sample of 100 once missed incident.rollbackFailed and failed `npm test`.
 */
const EXERCISE = { numRuns: 300, seed: 20261202 };

describe('DirectStage follows stageMachine', () => {
  it('emits the same events, sets the same timers and holds the same jobs after every step', () => {
    fc.assert(
      fc.property(fc.commands(stageCommands, { maxCommands: 60 }), (commands) => {
        const machine = stageSide('machine');
        const direct = stageSide('direct');
        fc.modelRun(() => ({ model: { machine, nextExecution: 1 }, real: direct }), commands);
        machine.runner.stop();
        direct.runner.stop();
        // Stopping leaves no timer behind on either clock.
        expect([machine.clock.pending, direct.clock.pending]).toEqual([0, 0]);
      }),
      RUNS,
    );
  });
});

describe('DirectApproval follows approvalMachine', () => {
  it('emits the same events, sets the same timers, answers decide alike and is in the same phase after every step', () => {
    fc.assert(
      fc.property(fc.commands(approvalCommands, { maxCommands: 60 }), (commands) => {
        const machine = approvalSide('machine');
        const direct = approvalSide('direct');
        fc.modelRun(() => ({ model: { machine, nextExecution: 1 }, real: direct }), commands);
        machine.runner.stop();
        direct.runner.stop();
        expect([machine.clock.pending, direct.clock.pending]).toEqual([0, 0]);
      }),
      RUNS,
    );
  });

  it('is exercised: the random runs reach every phase, both decisions and both kinds of superseding', () => {
    // Guards the generators above: a model test whose commands never reach a branch proves nothing
    // about it.
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.commands(approvalCommands, { maxCommands: 60 }), (commands) => {
        const machine = approvalSide('machine');
        const direct = approvalSide('direct');
        const probe = new (class implements fc.Command<ApprovalModel, ApprovalSide> {
          check = () => true;
          run(m: ApprovalModel) {
            seen.add(`phase:${m.machine.runner.phase}`);
          }
        })();
        const probed = [...commands].flatMap((c) => [c, probe]);
        fc.modelRun(() => ({ model: { machine, nextExecution: 1 }, real: direct }), probed);
        type Entry = { event?: { type: string; approved?: boolean; by?: { execution: number } }; seen?: { waiting: { execution: number } | null } };
        for (const { event, seen: after } of machine.trace as Entry[]) {
          if (!event) continue;
          if (event.type === 'approval.decided') seen.add(`decided:${event.approved}`);
          // A newer request supersedes the waiting one (which it replaces); "take newest" the pending one.
          else if (event.type === 'approval.superseded')
            seen.add(after?.waiting?.execution === event.by?.execution ? 'superseded:waiting' : 'superseded:pending');
          else seen.add(event.type);
        }
        machine.runner.stop();
        direct.runner.stop();
      }),
      EXERCISE,
    );
    expect([...seen].sort()).toEqual(
      [
        'approval.ready',
        'superseded:pending',
        'superseded:waiting',
        'decided:false',
        'decided:true',
        'phase:awaitingDecision',
        'phase:idle',
        'phase:inTicketQueue',
      ].sort(),
    );
  });
});

describe('DirectIncident follows incidentMachine', () => {
  // XState warns about every event sent to a restored incident; the runs send many on purpose.
  beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined));
  afterEach(() => vi.restoreAllMocks());

  it('emits the same events, sets the same timers and takes the same events after every step', () => {
    fc.assert(
      fc.property(incidentPlan, fc.boolean(), fc.commands(incidentCommands, { maxCommands: 40 }), (plan, reentrant, commands) => {
        const machine = incidentSide('machine', plan, reentrant);
        const direct = incidentSide('direct', plan, reentrant);
        agreeIncident({ machine }, direct);
        fc.modelRun(() => ({ model: { machine }, real: direct }), commands);
        machine.runner.stop();
        direct.runner.stop();
        expect([machine.clock.pending, direct.clock.pending]).toEqual([0, 0]);
      }),
      RUNS,
    );
  });

  it('is exercised: the random runs reach every emitted event', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(incidentPlan, fc.boolean(), fc.commands(incidentCommands, { maxCommands: 40 }), (plan, reentrant, commands) => {
        const machine = incidentSide('machine', plan, reentrant);
        const direct = incidentSide('direct', plan, reentrant);
        fc.modelRun(() => ({ model: { machine }, real: direct }), commands);
        for (const entry of machine.trace as { event?: { type: string; path?: string } }[]) {
          if (entry.event) seen.add(entry.event.type === 'incident.restored' ? `restored:${entry.event.path}` : entry.event.type);
        }
        machine.runner.stop();
        direct.runner.stop();
      }),
      EXERCISE,
    );
    expect([...seen].sort()).toEqual(
      [
        'incident.acknowledged',
        'incident.detected',
        'incident.rollbackFailed',
        'incident.rollbackStarted',
        'incident.rolledBack',
        'restored:automatic-rollback',
        'restored:fix',
        'restored:manual-rollback',
      ].sort(),
    );
  });
});
