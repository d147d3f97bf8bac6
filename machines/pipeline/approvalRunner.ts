import { createActor } from 'xstate';
import type { VirtualClock } from '../sim/scheduler';
import { approvalMachine, type ApprovalEmitted, type ApprovalRequest } from './approvalMachine';

type Handlers = { [K in ApprovalEmitted['type']]: (event: Extract<ApprovalEmitted, { type: K }>) => void };

export type ApprovalPhase = 'idle' | 'inTicketQueue' | 'awaitingDecision';

/** What the engine and the views need from the Approval stage. */
export interface ApprovalRunner {
  request(request: ApprovalRequest): void;
  /** False when no decision is awaited (nothing pending, or the ticket is still queued). */
  decide(approved: boolean, by: string, comment?: string): boolean;
  /** The approver looks at the newest waiting revision instead of the pending one. */
  takeNewest(): void;
  readonly phase: ApprovalPhase;
  /** A decision is awaited: Approve and Reject would be taken now. */
  readonly canDecide: boolean;
  readonly pending: ApprovalRequest | null;
  readonly waiting: ApprovalRequest | null;
  stop(): void;
}

/** The Approval stage as an XState actor of `approvalMachine`: the specification, used by live runs. */
export function machineApproval(clock: VirtualClock, handlers: Handlers): ApprovalRunner {
  const actor = createActor(approvalMachine, { clock });
  actor.on('approval.ready', handlers['approval.ready']);
  actor.on('approval.decided', handlers['approval.decided']);
  actor.on('approval.superseded', handlers['approval.superseded']);
  actor.start();
  return {
    request: (request) => actor.send({ type: 'approval.requested', request }),
    decide: (approved, by, comment) => {
      const event = approved ? ({ type: 'approval.granted', by, comment } as const) : ({ type: 'approval.rejected', by, comment } as const);
      if (!actor.getSnapshot().can(event)) return false;
      actor.send(event);
      return true;
    },
    takeNewest: () => actor.send({ type: 'approval.takeNewest' }),
    get phase(): ApprovalPhase {
      const snapshot = actor.getSnapshot();
      if (snapshot.matches({ pending: 'inTicketQueue' })) return 'inTicketQueue';
      return snapshot.matches({ pending: 'awaitingDecision' }) ? 'awaitingDecision' : 'idle';
    },
    get canDecide() {
      return actor.getSnapshot().can({ type: 'approval.granted', by: '' });
    },
    get pending() {
      return actor.getSnapshot().context.pending;
    },
    get waiting() {
      return actor.getSnapshot().context.waiting;
    },
    stop: () => actor.stop(),
  };
}

/**
 * The same Approval stage written out by hand for headless batch runs, like DirectStage: it follows
 * `approvalMachine` step for step, including the order of its emits and timers and the state a
 * handler sees; test/unit/runner-model.test.ts drives both with random steps and compares them.
 */
export class DirectApproval implements ApprovalRunner {
  phase: ApprovalPhase = 'idle';
  pending: ApprovalRequest | null = null;
  waiting: ApprovalRequest | null = null;
  private timer: number | null = null;

  get canDecide(): boolean {
    return this.phase === 'awaitingDecision';
  }

  constructor(
    private readonly clock: VirtualClock,
    private readonly handlers: Handlers,
  ) {}

  request(request: ApprovalRequest): void {
    if (this.phase === 'idle') {
      this.pending = request;
      this.route();
      return;
    }
    const superseded = this.waiting;
    this.waiting = request;
    if (superseded) this.handlers['approval.superseded']({ type: 'approval.superseded', request: superseded, by: request });
  }

  decide(approved: boolean, by: string, comment?: string): boolean {
    if (this.phase !== 'awaitingDecision') return false;
    const decided = this.pending!;
    this.pending = this.waiting;
    this.waiting = null;
    // The machine emits once its transition is complete: whoever hears the decision already sees
    // the next request routed. Its timer and "ready" follow the decision, as the machine's do.
    this.phase = this.pending ? (this.pending.ticketDelay > 0 ? 'inTicketQueue' : 'awaitingDecision') : 'idle';
    this.handlers['approval.decided']({ type: 'approval.decided', request: decided, approved, by, comment });
    if (this.pending) this.route();
    return true;
  }

  takeNewest(): void {
    if (this.phase !== 'awaitingDecision' || !this.waiting) return;
    const superseded = this.pending!;
    const newest = this.waiting;
    this.pending = { ...newest, ticketDelay: 0 };
    this.waiting = null;
    this.handlers['approval.superseded']({ type: 'approval.superseded', request: superseded, by: newest });
    this.handlers['approval.ready']({ type: 'approval.ready', request: this.pending });
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /** Entering `pending`: through the ticket queue when the approver sits in another team. */
  private route(): void {
    if (this.pending!.ticketDelay > 0) {
      this.phase = 'inTicketQueue';
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.phase = 'awaitingDecision';
        this.handlers['approval.ready']({ type: 'approval.ready', request: this.pending! });
      }, this.pending!.ticketDelay);
      return;
    }
    this.phase = 'awaitingDecision';
    this.handlers['approval.ready']({ type: 'approval.ready', request: this.pending! });
  }
}
