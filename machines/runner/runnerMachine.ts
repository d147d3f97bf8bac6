import { assertEvent, assign, setup } from 'xstate';
import type { Fault } from '../events';
import { Simulation } from '../engine/simulation';
import { isWorkingTime } from '../sim/calendar';
import type { Settings } from '../world/settings';
import { DEFAULT_SPEED, QUIET_TIME_FACTOR, type Speed } from './speeds';

export interface RunnerContext {
  sim: Simulation;
  speed: Speed;
  /** Bumped on every change to the simulation, so selectors know to read it again. */
  version: number;
  /** Days of history a live run keeps. */
  retainDays: number;
}

export type RunnerEvent =
  | { type: 'run.play' }
  | { type: 'run.pause' }
  | { type: 'run.toggle' }
  | { type: 'run.step' }
  /** Real milliseconds since the last frame; the UI sends it while playing. */
  | { type: 'run.tick'; ms: number }
  | { type: 'run.speed'; speed: Speed }
  | { type: 'run.reset'; settings: Settings }
  | { type: 'approval.approve'; by: string; comment?: string }
  | { type: 'approval.reject'; by: string; comment?: string }
  | { type: 'fault.inject'; fault: Fault }
  | { type: 'incident.rollback'; incident: number; by: string }
  | { type: 'settings.change'; change: Parameters<Simulation['configure']>[0] };

/** Live runs keep this many days of history; older detail is dropped so hours of play stay light. */
export const LIVE_RETAIN_DAYS = 60;

/** Is anything in flight? When nothing is and nobody works, time can pass quickly. */
export function isQuiet(sim: Simulation): boolean {
  if (isWorkingTime(sim.now, sim.settings.workingHours)) return false;
  if (sim.openIncidents().length > 0) return false;
  for (const stage of Object.values(sim.stages)) if (stage.current) return false;
  return true;
}

/**
 * The engine actor behind a live page: it owns one Simulation and moves it along virtual time while
 * playing. Everything people do to the run goes through its events.
 */
export const runnerMachine = setup({
  types: {
    context: {} as RunnerContext,
    input: {} as { settings: Settings; speed?: Speed },
    events: {} as RunnerEvent,
  },
  guards: {
    /** Approve and Reject are possible only while the Approval stage awaits a decision. */
    decisionAwaited: ({ context }) => context.sim.approval?.canDecide ?? false,
  },
  actions: {
    // The Simulation is mutable (copying it on every frame would cost more than it shows): named
    // actions change it in place, and `bumpVersion` tells selectors to read it again.
    advance: ({ context, event }) => {
      assertEvent(event, 'run.tick');
      // A frame never advances more than a quarter second of real time: a background tab returning
      // must not fast-forward the class through an hour of events.
      const seconds = Math.min(Math.max(event.ms, 0), 250) / 1000;
      const factor = isQuiet(context.sim) ? QUIET_TIME_FACTOR : 1;
      context.sim.advanceTo(context.sim.now + seconds * context.speed * factor);
    },
    step: ({ context }) => {
      context.sim.step();
    },
    approve: ({ context, event }) => {
      assertEvent(event, 'approval.approve');
      context.sim.approve(event.by, event.comment);
    },
    reject: ({ context, event }) => {
      assertEvent(event, 'approval.reject');
      context.sim.reject(event.by, event.comment);
    },
    injectFault: ({ context, event }) => {
      assertEvent(event, 'fault.inject');
      context.sim.inject(event.fault);
    },
    rollback: ({ context, event }) => {
      assertEvent(event, 'incident.rollback');
      context.sim.rollback(event.incident, event.by);
    },
    configure: ({ context, event }) => {
      assertEvent(event, 'settings.change');
      context.sim.configure(event.change);
    },
    stopSimulation: ({ context }) => context.sim.stop(),
    bumpVersion: assign({ version: ({ context }) => context.version + 1 }),
    setSpeed: assign({
      speed: ({ event }) => {
        assertEvent(event, 'run.speed');
        return event.speed;
      },
    }),
    startFresh: assign({
      sim: ({ context, event }) => {
        assertEvent(event, 'run.reset');
        return new Simulation(event.settings, { retainDays: context.retainDays });
      },
    }),
  },
}).createMachine({
  id: 'runner',
  context: ({ input }) => ({
    sim: new Simulation(input.settings, { retainDays: LIVE_RETAIN_DAYS }),
    speed: input.speed ?? DEFAULT_SPEED,
    version: 0,
    retainDays: LIVE_RETAIN_DAYS,
  }),
  initial: 'paused',
  on: {
    'run.speed': { actions: 'setSpeed' },
    'approval.approve': { guard: 'decisionAwaited', actions: ['approve', 'bumpVersion'] },
    'approval.reject': { guard: 'decisionAwaited', actions: ['reject', 'bumpVersion'] },
    'fault.inject': { actions: ['injectFault', 'bumpVersion'] },
    'incident.rollback': { actions: ['rollback', 'bumpVersion'] },
    'settings.change': { actions: ['configure', 'bumpVersion'] },
  },
  exit: 'stopSimulation',
  states: {
    paused: {
      on: {
        'run.play': 'playing',
        'run.toggle': 'playing',
        'run.step': { actions: ['step', 'bumpVersion'] },
        'run.reset': { actions: ['stopSimulation', 'startFresh', 'bumpVersion'] },
      },
    },
    playing: {
      on: {
        'run.pause': 'paused',
        'run.toggle': 'paused',
        'run.tick': { actions: ['advance', 'bumpVersion'] },
        'run.step': { target: 'paused', actions: ['step', 'bumpVersion'] },
        'run.reset': { target: 'paused', actions: ['stopSimulation', 'startFresh', 'bumpVersion'] },
      },
    },
  },
});
