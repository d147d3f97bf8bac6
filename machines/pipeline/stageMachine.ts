import { assign, emit, setup } from 'xstate';
import type { FailureReason, StageName } from '../events';

/** One execution's turn at a stage, with its outcome decided by the engine when it arrived. */
export interface StageJob {
  execution: number;
  revision: number;
  /** Working time at the stage, in virtual minutes. */
  duration: number;
  outcome: 'succeeded' | 'failed';
  reason?: FailureReason;
  /** Commits whose problem made the stage fail. */
  culprits?: number[];
  arrivedAt: number;
}

export interface StageContext {
  stage: StageName;
  current: StageJob | null;
  /** At most one execution waits at a stage's entrance; a newer one supersedes it. */
  waiting: StageJob | null;
}

export type StageEvent = { type: 'job.arrived'; job: StageJob };

export type StageEmitted =
  | { type: 'job.started'; stage: StageName; job: StageJob }
  | { type: 'job.finished'; stage: StageName; job: StageJob }
  | { type: 'job.superseded'; stage: StageName; job: StageJob; by: StageJob };

/**
 * A pipeline stage (Source, Build, Test, Deploy) as CodePipeline runs it: one execution at a time,
 * the newest arrival waiting at the entrance, older waiting arrivals superseded. The stage's working
 * time is the named delay `workDuration`; outcomes are decided by the engine, which knows the code.
 */
export const stageMachine = setup({
  types: {
    context: {} as StageContext,
    input: {} as { stage: StageName },
    events: {} as StageEvent,
    emitted: {} as StageEmitted,
  },
  delays: {
    workDuration: ({ context }) => context.current?.duration ?? 0,
  },
  guards: {
    hasWaiting: ({ context }) => context.waiting !== null,
  },
  actions: {
    take: assign({ current: ({ event }) => event.job }),
    announceStart: emit(({ context }) => ({ type: 'job.started' as const, stage: context.stage, job: context.current! })),
    supersede: emit(({ context, event }) => ({
      type: 'job.superseded' as const,
      stage: context.stage,
      job: context.waiting!,
      by: event.job,
    })),
    setWaiting: assign({ waiting: ({ event }) => event.job }),
    finish: emit(({ context }) => ({ type: 'job.finished' as const, stage: context.stage, job: context.current! })),
    takeWaiting: assign(({ context }) => ({ current: context.waiting, waiting: null })),
    clear: assign({ current: null }),
  },
}).createMachine({
  id: 'stage',
  context: ({ input }) => ({ stage: input.stage, current: null, waiting: null }),
  initial: 'idle',
  states: {
    idle: {
      on: { 'job.arrived': { target: 'working', actions: 'take' } },
    },
    working: {
      entry: 'announceStart',
      on: {
        'job.arrived': [{ guard: 'hasWaiting', actions: ['supersede', 'setWaiting'] }, { actions: 'setWaiting' }],
      },
      after: {
        workDuration: [
          { guard: 'hasWaiting', target: 'working', reenter: true, actions: ['finish', 'takeWaiting'] },
          { target: 'idle', actions: ['finish', 'clear'] },
        ],
      },
    },
  },
});
