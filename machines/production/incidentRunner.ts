import { createActor } from 'xstate';
import type { RestorePath } from '../events';
import type { VirtualClock } from '../sim/scheduler';
import { incidentMachine, type IncidentEmitted, type IncidentEvent, type IncidentPlan } from './incidentMachine';

export type IncidentHandlers = { [K in IncidentEmitted['type']]: (event: Extract<IncidentEmitted, { type: K }>) => void };

/** What the engine and the views need from one incident: send it events, ask what it would take. */
export interface IncidentRunner {
  /** Starts the incident's clock (detection); call once, after registering the runner. */
  start(): void;
  send(event: IncidentEvent): void;
  /** Whether `event` would do something now (a rollback can be started, for instance). */
  can(event: IncidentEvent): boolean;
  stop(): void;
}

/** The incident as an XState actor of `incidentMachine`: the specification, used by live runs. */
export function machineIncident(clock: VirtualClock, plan: IncidentPlan, handlers: IncidentHandlers): IncidentRunner {
  const actor = createActor(incidentMachine, { clock, input: { plan } });
  actor.on('incident.detected', handlers['incident.detected']);
  actor.on('incident.acknowledged', handlers['incident.acknowledged']);
  actor.on('incident.rollbackStarted', handlers['incident.rollbackStarted']);
  actor.on('incident.rolledBack', handlers['incident.rolledBack']);
  actor.on('incident.rollbackFailed', handlers['incident.rollbackFailed']);
  actor.on('incident.restored', handlers['incident.restored']);
  return {
    start: () => void actor.start(),
    send: (event) => actor.send(event),
    can: (event) => actor.getSnapshot().can(event),
    stop: () => void actor.stop(),
  };
}

type Phase = 'impact' | 'paged' | 'acknowledged' | 'rollingBack' | 'fixingForward' | 'restored';

/**
 * The same incident written out by hand for headless batch runs (the comparison page, lessons'
 * replays, `runHeadless`), like DirectStage and DirectApproval: an XState actor costs about a
 * millisecond per incident to create and drive, a quarter of a headless run (issue 13).
 *
 * It follows `incidentMachine` step for step, as XState v5 runs it: a transition's effects (the
 * emitted events, the timers of the state entered, the cancelled timer of the state left) run in
 * order once the whole step is taken, including the eventless step out of `detected`, so a handler
 * sees the state the step ended in; an event sent to the incident while it handles one waits until
 * that one is done; a restored incident ignores everything. test/unit/runner-model.test.ts drives
 * both with random steps and compares them.
 */
export class DirectIncident implements IncidentRunner {
  private phase: Phase = 'impact';
  private restoredBy: RestorePath | null = null;
  private rollbackBy: string | null = null;
  private timer: number | null = null;
  private stopped = false;
  private busy = false;
  private readonly queue: IncidentEvent[] = [];
  /** Effects of the step being taken, run once it is complete. */
  private effects: (() => void)[] = [];

  constructor(
    private readonly clock: VirtualClock,
    private readonly plan: IncidentPlan,
    private readonly handlers: IncidentHandlers,
  ) {}

  start(): void {
    this.run(() => this.after(this.plan.detectAfter, 'detection'));
  }

  send(event: IncidentEvent): void {
    if (this.stopped) return;
    if (this.busy) {
      this.queue.push(event);
      return;
    }
    this.run(() => this.step(event));
  }

  can(event: IncidentEvent): boolean {
    if (this.stopped) return false;
    switch (this.phase) {
      case 'impact':
      case 'fixingForward':
        return event.type === 'fix.deployed' || event.type === 'production.reverted';
      case 'paged':
      case 'acknowledged':
        return true;
      case 'rollingBack':
        return event.type === 'production.reverted';
      default:
        return false;
    }
  }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Takes a step, runs its effects, then whatever was sent meanwhile (XState's mailbox). */
  private run(take: () => void): void {
    this.busy = true;
    take();
    this.flush();
    while (this.queue.length > 0 && !this.stopped) {
      this.step(this.queue.shift()!);
      this.flush();
    }
    this.busy = false;
  }

  private flush(): void {
    const effects = this.effects;
    this.effects = [];
    for (const effect of effects) effect();
    if (this.phase === 'restored') this.stop();
  }

  /** A delayed transition of the state entered: its timer is set with the step's effects. */
  private after(delay: number, name: 'detection' | 'acknowledgement' | 'decision' | 'rollback'): void {
    this.effects.push(() => {
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        if (this.stopped) return;
        this.run(() => this.fired(name));
      }, delay);
    });
  }

  /** Leaving a state with a delayed transition cancels its timer (with the step's effects). */
  private leave(): void {
    if (this.phase === 'impact' || this.phase === 'paged' || this.phase === 'acknowledged' || this.phase === 'rollingBack') {
      this.effects.push(() => {
        if (this.timer !== null) this.clock.clearTimeout(this.timer);
        this.timer = null;
      });
    }
  }

  private emit(event: IncidentEmitted): void {
    const handler = this.handlers[event.type] as (e: IncidentEmitted) => void;
    this.effects.push(() => handler(event));
  }

  private fired(name: 'detection' | 'acknowledgement' | 'decision' | 'rollback'): void {
    const { plan } = this;
    switch (name) {
      case 'detection':
        if (this.phase !== 'impact') return;
        this.leave();
        // detected: announced, then on at once (eventless) to a rollback or a page.
        this.emit({ type: 'incident.detected', id: plan.id, by: plan.detectedBy });
        if (plan.automaticRollback && plan.detectedBy === 'alarm') this.enterRollingBack();
        else {
          this.phase = 'paged';
          this.after(plan.ackAfter, 'acknowledgement');
        }
        return;
      case 'acknowledgement':
        if (this.phase !== 'paged') return;
        this.leave();
        this.phase = 'acknowledged';
        this.emit({ type: 'incident.acknowledged', id: plan.id });
        this.after(plan.decideAfter, 'decision');
        return;
      case 'decision':
        if (this.phase !== 'acknowledged') return;
        this.leave();
        this.rollbackBy = 'on-call';
        this.enterRollingBack();
        return;
      case 'rollback':
        if (this.phase !== 'rollingBack') return;
        this.leave();
        if (plan.rollbackFails) {
          this.emit({ type: 'incident.rollbackFailed', id: plan.id });
          this.phase = 'fixingForward';
        } else {
          this.restoredBy = this.rollbackBy === null ? 'automatic-rollback' : 'manual-rollback';
          this.emit({ type: 'incident.rolledBack', id: plan.id });
          this.enterRestored();
        }
        return;
    }
  }

  private step(event: IncidentEvent): void {
    const phase = this.phase;
    if (phase === 'restored') return;
    switch (event.type) {
      case 'fix.deployed':
        // Mid-rollback a fix changes nothing: the rollback finishes first.
        if (phase === 'rollingBack') return;
        this.leave();
        this.restoredBy = 'fix';
        this.enterRestored();
        return;
      case 'production.reverted':
        this.leave();
        this.restoredBy = event.path;
        this.enterRestored();
        return;
      case 'rollback.start':
        if (phase !== 'paged' && phase !== 'acknowledged') return;
        this.leave();
        this.rollbackBy = event.by;
        this.enterRollingBack();
        return;
      case 'rollback.ruledOut':
        if (phase !== 'paged' && phase !== 'acknowledged') return;
        this.leave();
        this.phase = 'fixingForward';
        return;
    }
  }

  private enterRollingBack(): void {
    this.phase = 'rollingBack';
    this.emit({
      type: 'incident.rollbackStarted',
      id: this.plan.id,
      automatic: this.rollbackBy === null,
      by: this.rollbackBy ?? 'CodeDeploy',
    });
    this.after(this.plan.rollbackTakes, 'rollback');
  }

  private enterRestored(): void {
    this.phase = 'restored';
    this.emit({ type: 'incident.restored', id: this.plan.id, path: this.restoredBy! });
  }
}
