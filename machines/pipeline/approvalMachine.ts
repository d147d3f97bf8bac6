import { assertEvent, assign, emit, setup } from 'xstate';

/** A revision asking to go to production [CodePipeline manual approval action]. */
export interface ApprovalRequest {
  execution: number;
  revision: number;
  requestedAt: number;
  /**
   * Minutes the request spends in another team's ticket queue before the approver sees it
   * (silo culture); 0 when the approver is on the team.
   */
  ticketDelay: number;
}

export interface ApprovalContext {
  pending: ApprovalRequest | null;
  /** The newest revision waiting behind the pending one; a newer arrival supersedes it. */
  waiting: ApprovalRequest | null;
}

export type ApprovalEvent =
  | { type: 'approval.requested'; request: ApprovalRequest }
  | { type: 'approval.granted'; by: string; comment?: string }
  | { type: 'approval.rejected'; by: string; comment?: string }
  /** The approver looks at the newest revision instead: the pending one's commits travel inside it. */
  | { type: 'approval.takeNewest' };

export type ApprovalEmitted =
  | { type: 'approval.ready'; request: ApprovalRequest }
  | { type: 'approval.decided'; request: ApprovalRequest; approved: boolean; by: string; comment?: string }
  | { type: 'approval.superseded'; request: ApprovalRequest; by: ApprovalRequest };

/**
 * The Approval stage. A request may first wait in a ticket queue (silos), then waits for a decision.
 * Approve and Reject are only possible while a decision is awaited, which the UI reads with
 * `snapshot.can(...)`.
 */
export const approvalMachine = setup({
  types: {
    context: {} as ApprovalContext,
    events: {} as ApprovalEvent,
    emitted: {} as ApprovalEmitted,
  },
  delays: {
    ticketDelay: ({ context }) => context.pending?.ticketDelay ?? 0,
  },
  guards: {
    hasWaiting: ({ context }) => context.waiting !== null,
    throughTicket: ({ context }) => (context.pending?.ticketDelay ?? 0) > 0,
  },
  actions: {
    takeRequest: assign({
      pending: ({ event }) => {
        assertEvent(event, 'approval.requested');
        return event.request;
      },
    }),
    supersedeWaiting: emit(({ context, event }) => {
      assertEvent(event, 'approval.requested');
      return { type: 'approval.superseded' as const, request: context.waiting!, by: event.request };
    }),
    setWaiting: assign({
      waiting: ({ event }) => {
        assertEvent(event, 'approval.requested');
        return event.request;
      },
    }),
    supersedePending: emit(({ context }) => ({
      type: 'approval.superseded' as const,
      request: context.pending!,
      by: context.waiting!,
    })),
    promoteWaiting: assign(({ context }) => ({
      pending: context.waiting ? { ...context.waiting, ticketDelay: 0 } : null,
      waiting: null,
    })),
    announceReady: emit(({ context }) => ({ type: 'approval.ready' as const, request: context.pending! })),
    decide: emit(({ context, event }) => {
      assertEvent(event, ['approval.granted', 'approval.rejected']);
      return {
        type: 'approval.decided' as const,
        request: context.pending!,
        approved: event.type === 'approval.granted',
        by: event.by,
        comment: event.comment,
      };
    }),
    nextRequest: assign(({ context }) => ({ pending: context.waiting, waiting: null })),
    clearPending: assign({ pending: null }),
  },
}).createMachine({
  id: 'approval',
  context: { pending: null, waiting: null },
  initial: 'idle',
  states: {
    idle: {
      on: { 'approval.requested': { target: 'pending', actions: 'takeRequest' } },
    },
    pending: {
      initial: 'routing',
      on: {
        'approval.requested': [{ guard: 'hasWaiting', actions: ['supersedeWaiting', 'setWaiting'] }, { actions: 'setWaiting' }],
      },
      states: {
        routing: {
          always: [{ guard: 'throughTicket', target: 'inTicketQueue' }, { target: 'awaitingDecision' }],
        },
        inTicketQueue: {
          after: { ticketDelay: 'awaitingDecision' },
        },
        awaitingDecision: {
          entry: 'announceReady',
          on: {
            'approval.takeNewest': { guard: 'hasWaiting', actions: ['supersedePending', 'promoteWaiting', 'announceReady'] },
            'approval.granted': [
              { guard: 'hasWaiting', target: '#approval.pending', reenter: true, actions: ['decide', 'nextRequest'] },
              { target: '#approval.idle', actions: ['decide', 'clearPending'] },
            ],
            'approval.rejected': [
              { guard: 'hasWaiting', target: '#approval.pending', reenter: true, actions: ['decide', 'nextRequest'] },
              { target: '#approval.idle', actions: ['decide', 'clearPending'] },
            ],
          },
        },
      },
    },
  },
});
