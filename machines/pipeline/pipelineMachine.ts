import { assign, setup } from 'xstate';

export interface PipelineContext {
  /** Incidents whose culprits are known and not yet fixed on main. */
  heldFor: number[];
}

export type PipelineEvent = { type: 'line.stop'; incident: number } | { type: 'line.resume'; incident: number };

/**
 * The CodePipeline pipeline as a whole. After an incident it stops the line: the transition into
 * Deploy is disabled for any revision that still carries a known defect, so the broken change cannot
 * ship again while its fix is on the way. It flows again once every held incident is fixed.
 */
export const pipelineMachine = setup({
  types: {
    context: {} as PipelineContext,
    events: {} as PipelineEvent,
  },
  guards: {
    lastHold: ({ context, event }) => context.heldFor.length === 1 && context.heldFor[0] === event.incident,
  },
  actions: {
    addHold: assign({ heldFor: ({ context, event }) => [...context.heldFor.filter((i) => i !== event.incident), event.incident] }),
    removeHold: assign({ heldFor: ({ context, event }) => context.heldFor.filter((i) => i !== event.incident) }),
  },
}).createMachine({
  id: 'pipeline',
  context: { heldFor: [] },
  initial: 'flowing',
  states: {
    flowing: {
      on: { 'line.stop': { target: 'held', actions: 'addHold' } },
    },
    held: {
      on: {
        'line.stop': { actions: 'addHold' },
        'line.resume': [{ guard: 'lastHold', target: 'flowing', actions: 'removeHold' }, { actions: 'removeHold' }],
      },
    },
  },
});
