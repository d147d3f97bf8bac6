import { assign, setup } from 'xstate';
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
  actions: {
    advance: assign(({ context, event }) => {
      if (event.type !== 'run.tick') return {};
      // A frame never advances more than a quarter second of real time: a background tab returning
      // must not fast-forward the class through an hour of events.
      const seconds = Math.min(Math.max(event.ms, 0), 250) / 1000;
      const factor = isQuiet(context.sim) ? QUIET_TIME_FACTOR : 1;
      context.sim.advanceTo(context.sim.now + seconds * context.speed * factor);
      return { version: context.version + 1 };
    }),
    step: assign(({ context }) => {
      context.sim.step();
      return { version: context.version + 1 };
    }),
    setSpeed: assign({ speed: ({ event }) => (event.type === 'run.speed' ? event.speed : DEFAULT_SPEED) }),
    reset: assign(({ context, event }) => {
      if (event.type !== 'run.reset') return {};
      context.sim.stop();
      return { sim: new Simulation(event.settings, { retainDays: context.retainDays }), version: context.version + 1 };
    }),
    act: assign(({ context, event }) => {
      const sim = context.sim;
      switch (event.type) {
        case 'approval.approve':
          sim.approve(event.by, event.comment);
          break;
        case 'approval.reject':
          sim.reject(event.by, event.comment);
          break;
        case 'fault.inject':
          sim.inject(event.fault);
          break;
        case 'incident.rollback':
          sim.rollback(event.incident, event.by);
          break;
        case 'settings.change':
          sim.configure(event.change);
          break;
        default:
          return {};
      }
      return { version: context.version + 1 };
    }),
    stopSimulation: ({ context }) => context.sim.stop(),
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
    'approval.approve': { actions: 'act' },
    'approval.reject': { actions: 'act' },
    'fault.inject': { actions: 'act' },
    'incident.rollback': { actions: 'act' },
    'settings.change': { actions: 'act' },
  },
  exit: 'stopSimulation',
  states: {
    paused: {
      on: {
        'run.play': 'playing',
        'run.toggle': 'playing',
        'run.step': { actions: 'step' },
        'run.reset': { actions: 'reset' },
      },
    },
    playing: {
      on: {
        'run.pause': 'paused',
        'run.toggle': 'paused',
        'run.tick': { actions: 'advance' },
        'run.step': { target: 'paused', actions: 'step' },
        'run.reset': { target: 'paused', actions: 'reset' },
      },
    },
  },
});
