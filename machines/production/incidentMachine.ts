import { assign, emit, setup } from 'xstate';
import type { RestorePath } from '../events';

/** How one incident will unfold if nobody intervenes; drawn by the engine when production breaks. */
export interface IncidentPlan {
  id: number;
  /** Minutes from the start of the incident until it is noticed. */
  detectAfter: number;
  detectedBy: 'alarm' | 'customers';
  /** Continuous Deployment rolls back on its own when an alarm fires. */
  automaticRollback: boolean;
  /** Minutes from page to acknowledgement by the person on call. */
  ackAfter: number;
  /** Minutes from acknowledgement to a rollback decision (longer when Ops must ask Dev). */
  decideAfter: number;
  /** Minutes a rollback takes to put the previous good revision back. */
  rollbackTakes: number;
}

export interface IncidentContext {
  plan: IncidentPlan;
  restoredBy: RestorePath | null;
  rollbackBy: string | null;
}

export type IncidentEvent =
  /** A person starts a rollback now (the learner, or an on-call engineer). */
  | { type: 'rollback.start'; by: string }
  /** A deployment shipped the fix for every culprit: production is healthy again. */
  | { type: 'fix.deployed' };

export type IncidentEmitted =
  | { type: 'incident.detected'; id: number; by: 'alarm' | 'customers' }
  | { type: 'incident.acknowledged'; id: number }
  | { type: 'incident.rollbackStarted'; id: number; automatic: boolean; by: string }
  | { type: 'incident.rolledBack'; id: number }
  | { type: 'incident.restored'; id: number; path: RestorePath };

/**
 * An incident in production, from the first failing request to healthy again. Detection, the page,
 * the decision and the rollback are named delays; people can act sooner by sending events.
 */
export const incidentMachine = setup({
  types: {
    context: {} as IncidentContext,
    input: {} as { plan: IncidentPlan },
    events: {} as IncidentEvent,
    emitted: {} as IncidentEmitted,
  },
  delays: {
    detection: ({ context }) => context.plan.detectAfter,
    acknowledgement: ({ context }) => context.plan.ackAfter,
    decision: ({ context }) => context.plan.decideAfter,
    rollback: ({ context }) => context.plan.rollbackTakes,
  },
  guards: {
    rollsBackAutomatically: ({ context }) => context.plan.automaticRollback && context.plan.detectedBy === 'alarm',
  },
  actions: {
    announceDetected: emit(({ context }) => ({ type: 'incident.detected' as const, id: context.plan.id, by: context.plan.detectedBy })),
    announceAcknowledged: emit(({ context }) => ({ type: 'incident.acknowledged' as const, id: context.plan.id })),
    recordRollbackBy: assign({
      rollbackBy: ({ event }) => (event.type === 'rollback.start' ? event.by : null),
    }),
    announceRollback: emit(({ context }) => ({
      type: 'incident.rollbackStarted' as const,
      id: context.plan.id,
      automatic: context.rollbackBy === null,
      by: context.rollbackBy ?? 'CodeDeploy',
    })),
    restoreByRollback: assign({
      restoredBy: ({ context }) => (context.rollbackBy === null ? 'automatic-rollback' : 'manual-rollback'),
    }),
    announceRolledBack: emit(({ context }) => ({ type: 'incident.rolledBack' as const, id: context.plan.id })),
    restoreByFix: assign({ restoredBy: 'fix' as const }),
    announceRestored: emit(({ context }) => ({ type: 'incident.restored' as const, id: context.plan.id, path: context.restoredBy! })),
  },
}).createMachine({
  id: 'incident',
  context: ({ input }) => ({ plan: input.plan, restoredBy: null, rollbackBy: null }),
  initial: 'impact',
  on: {
    'fix.deployed': { target: '.restored', actions: 'restoreByFix' },
  },
  states: {
    impact: {
      after: { detection: 'detected' },
    },
    detected: {
      entry: 'announceDetected',
      always: [{ guard: 'rollsBackAutomatically', target: 'rollingBack' }, { target: 'paged' }],
    },
    paged: {
      after: { acknowledgement: 'acknowledged' },
      on: { 'rollback.start': { target: 'rollingBack', actions: 'recordRollbackBy' } },
    },
    acknowledged: {
      entry: 'announceAcknowledged',
      after: { decision: { target: 'rollingBack', actions: assign({ rollbackBy: 'on-call' }) } },
      on: { 'rollback.start': { target: 'rollingBack', actions: 'recordRollbackBy' } },
    },
    rollingBack: {
      entry: 'announceRollback',
      on: { 'fix.deployed': {} },
      after: { rollback: { target: 'restored', actions: ['restoreByRollback', 'announceRolledBack'] } },
    },
    restored: {
      type: 'final',
      entry: 'announceRestored',
    },
  },
});
