import { assertEvent, assign, emit, setup } from 'xstate';
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
  /**
   * The release shipped schema or data changes the previous revision cannot run on: the rollback
   * fails and the team must fix forward.
   */
  rollbackFails: boolean;
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
  | { type: 'fix.deployed' }
  /** Another incident's rollback took this incident's culprits out of production too. */
  | { type: 'production.reverted'; path: Exclude<RestorePath, 'fix'> }
  /** A rollback of the same release already failed: nobody tries again; the team fixes forward. */
  | { type: 'rollback.ruledOut' };

export type IncidentEmitted =
  | { type: 'incident.detected'; id: number; by: 'alarm' | 'customers' }
  | { type: 'incident.acknowledged'; id: number }
  | { type: 'incident.rollbackStarted'; id: number; automatic: boolean; by: string }
  | { type: 'incident.rolledBack'; id: number }
  | { type: 'incident.rollbackFailed'; id: number }
  | { type: 'incident.restored'; id: number; path: RestorePath };

/** Events that end an incident from any state it can be in before it is restored. */
const HEALED = {
  'fix.deployed': { target: '#incident.restored', actions: 'restoreByFix' },
  'production.reverted': { target: '#incident.restored', actions: 'restoreByOtherRollback' },
} as const;

/**
 * An incident in production, from the first failing request to healthy again. Detection, the page,
 * the decision and the rollback are named delays; people can act sooner by sending events. A rollback
 * of a release that changed the schema fails, and the incident waits for the fix to be deployed.
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
    rollbackFails: ({ context }) => context.plan.rollbackFails,
  },
  actions: {
    announceDetected: emit(({ context }) => ({ type: 'incident.detected' as const, id: context.plan.id, by: context.plan.detectedBy })),
    announceAcknowledged: emit(({ context }) => ({ type: 'incident.acknowledged' as const, id: context.plan.id })),
    recordRollbackBy: assign({
      rollbackBy: ({ event }) => {
        assertEvent(event, 'rollback.start');
        return event.by;
      },
    }),
    recordOnCallDecision: assign({ rollbackBy: 'on-call' }),
    announceRollback: emit(({ context }) => ({
      type: 'incident.rollbackStarted' as const,
      id: context.plan.id,
      automatic: context.rollbackBy === null,
      by: context.rollbackBy ?? 'CodeDeploy',
    })),
    restoreByRollback: assign({
      restoredBy: ({ context }) => (context.rollbackBy === null ? 'automatic-rollback' : 'manual-rollback'),
    }),
    restoreByOtherRollback: assign({
      restoredBy: ({ event }) => {
        assertEvent(event, 'production.reverted');
        return event.path;
      },
    }),
    announceRolledBack: emit(({ context }) => ({ type: 'incident.rolledBack' as const, id: context.plan.id })),
    announceRollbackFailed: emit(({ context }) => ({ type: 'incident.rollbackFailed' as const, id: context.plan.id })),
    restoreByFix: assign({ restoredBy: 'fix' as const }),
    announceRestored: emit(({ context }) => ({ type: 'incident.restored' as const, id: context.plan.id, path: context.restoredBy! })),
  },
}).createMachine({
  id: 'incident',
  context: ({ input }) => ({ plan: input.plan, restoredBy: null, rollbackBy: null }),
  initial: 'impact',
  states: {
    impact: {
      on: HEALED,
      after: { detection: 'detected' },
    },
    detected: {
      entry: 'announceDetected',
      always: [{ guard: 'rollsBackAutomatically', target: 'rollingBack' }, { target: 'paged' }],
    },
    paged: {
      after: { acknowledgement: 'acknowledged' },
      on: { ...HEALED, 'rollback.start': { target: 'rollingBack', actions: 'recordRollbackBy' }, 'rollback.ruledOut': 'fixingForward' },
    },
    acknowledged: {
      entry: 'announceAcknowledged',
      after: { decision: { target: 'rollingBack', actions: 'recordOnCallDecision' } },
      on: { ...HEALED, 'rollback.start': { target: 'rollingBack', actions: 'recordRollbackBy' }, 'rollback.ruledOut': 'fixingForward' },
    },
    rollingBack: {
      entry: 'announceRollback',
      // A fix landing mid-rollback does not stop CodeDeploy; the rollback finishes first.
      on: { 'fix.deployed': {}, 'production.reverted': HEALED['production.reverted'] },
      after: {
        rollback: [
          { guard: 'rollbackFails', target: 'fixingForward', actions: 'announceRollbackFailed' },
          { target: 'restored', actions: ['restoreByRollback', 'announceRolledBack'] },
        ],
      },
    },
    /** The rollback could not run: production stays broken until the fix is deployed. */
    fixingForward: {
      on: HEALED,
    },
    restored: {
      type: 'final',
      entry: 'announceRestored',
    },
  },
});
