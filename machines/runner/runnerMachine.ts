import { assertEvent, assign, not, setup } from 'xstate';
import type { Fault } from '../events';
import { Simulation, type RunMark } from '../engine/simulation';
import { isWorkingTime } from '../sim/calendar';
import type { Settings } from '../world/settings';
import type { DriftChange } from '../iac/drift';
import type { StackTemplate } from '../iac/types';
import { DEFAULT_SPEED, QUIET_TIME_FACTOR, type Speed } from './speeds';

/**
 * Something that follows a live run and may stop it at a moment: a lesson's goal, a presenter's
 * "stop at". The runner asks after every event while it plays, so the run stops at the moment itself.
 */
export interface RunWatch {
  /**
   * A simulation starts (the runner's first, after a reset, or a run loaded from a file or a saved
   * record): follow it from here. `sameRun`: it is the run made again up to a moment (a rewind).
   */
  attach(sim: Simulation, sameRun?: boolean): void;
  /** Whether the run should stop now; answering true consumes the request. */
  takeStop(): boolean;
  /** Why the run may not move now (a lesson waits for the learner's prediction), or null. */
  holds?(): string | null;
}

/** Something a person did to the run, and exactly where in it: replaying these rebuilds the run. */
export interface JournalEntry {
  mark: RunMark;
  event: PersonEvent;
}

/** What a person can do to a run (the runner's events that change what happens). */
export type PersonEvent = Extract<
  RunnerEvent,
  {
    type: 'approval.approve' | 'approval.reject' | 'fault.inject' | 'incident.rollback' | 'settings.change' | 'stack.execute' | 'drift.inject' | 'drift.detect';
  }
>;

export interface RunnerContext {
  sim: Simulation;
  /** The settings and start time the run began with: with the journal, they make it again. */
  start: { settings: Settings; startAt: number };
  /** What people did, in order: the run is the start plus these. */
  journal: JournalEntry[];
  watch: RunWatch | null;
  /** The watch asked to stop while playing: the run pauses after this event. */
  stopRequested: boolean;
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
  /** Runs on in virtual time until the watch stops it, or `withinMinutes` have passed; then pauses. */
  | { type: 'run.jump'; withinMinutes: number }
  | { type: 'run.watch'; watch: RunWatch | null }
  /** The same run again from its start, with what people did up to `t`, stopped at `t` (virtual minutes). */
  | { type: 'run.rewind'; to: number }
  /** Real milliseconds since the last frame; the UI sends it while playing. */
  | { type: 'run.tick'; ms: number }
  | { type: 'run.speed'; speed: Speed }
  /** A fresh run; `startAt` fast-forwards it (virtual minutes) before anyone watches it. */
  | { type: 'run.reset'; settings: Settings; startAt?: number }
  /** Takes over a run made by `replayRun` from `start` and `journal` (a saved run, a run file); paused. */
  | { type: 'run.load'; sim: Simulation; start: RunnerContext['start']; journal: JournalEntry[] }
  | { type: 'approval.approve'; by: string; comment?: string }
  | { type: 'approval.reject'; by: string; comment?: string }
  | { type: 'fault.inject'; fault: Fault }
  | { type: 'incident.rollback'; incident: number; by: string }
  | { type: 'settings.change'; change: Parameters<Simulation['configure']>[0] }
  /** A template to apply (parsed and validated by the page): an infra commit, or a stack update now. */
  | { type: 'stack.execute'; templateText: string; template: StackTemplate; by: string }
  /** Someone changes production by hand. */
  | { type: 'drift.inject'; change: DriftChange }
  | { type: 'drift.detect' };

/** Does what a person did to a run (live, or replayed from a journal); false when the run could not take it. */
export function applyPersonEvent(sim: Simulation, event: PersonEvent): boolean {
  switch (event.type) {
    case 'approval.approve':
      return sim.approve(event.by, event.comment);
    case 'approval.reject':
      return sim.reject(event.by, event.comment);
    case 'fault.inject':
      sim.inject(event.fault);
      return true;
    case 'incident.rollback':
      return sim.rollback(event.incident, event.by);
    case 'settings.change':
      sim.configure(event.change);
      return true;
    case 'stack.execute':
      return sim.executeStack(event.templateText, event.template, event.by).ok;
    case 'drift.inject':
      return sim.injectDrift(event.change);
    case 'drift.detect':
      sim.detectDrift();
      return true;
  }
}

export type ReplayResult = { ok: true; sim: Simulation } | { ok: false; failedAt: number };

/**
 * A run made again from its start and what people did (a saved run, a run file), played to `to`
 * (virtual minutes): the same run, event for event. A decision the run cannot take where the journal
 * puts it (nothing awaits approval then; live, the runner only takes one that is awaited) means the
 * journal is not this run's: `failedAt` is its index. (A rollback may be refused live too, so its
 * refusal proves nothing.)
 */
export function replayRun(start: RunnerContext['start'], journal: readonly JournalEntry[], to: number, retainDays: number = LIVE_RETAIN_DAYS): ReplayResult {
  const sim = new Simulation(structuredClone(start.settings), { retainDays });
  if (start.startAt) sim.advanceTo(start.startAt);
  for (let i = 0; i < journal.length; i++) {
    const entry = journal[i]!;
    sim.advanceToMark(entry.mark);
    if (!applyPersonEvent(sim, entry.event) && entry.event.type !== 'incident.rollback') {
      sim.stop();
      return { ok: false, failedAt: i };
    }
  }
  if (sim.now < to) sim.advanceTo(to);
  return { ok: true, sim };
}

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
    input: {} as { settings: Settings; speed?: Speed; watch?: RunWatch; startAt?: number; retainDays?: number },
    events: {} as RunnerEvent,
  },
  guards: {
    /** Approve and Reject are possible only while the Approval stage awaits a decision. */
    decisionAwaited: ({ context }) => context.sim.approval?.canDecide ?? false,
    stopRequested: ({ context }) => context.stopRequested,
    /** A hand change production does not have yet (and that differs from the template). */
    driftPossible: ({ context, event }) => event.type === 'drift.inject' && !context.sim.handChanges.has(event.change),
    /** Nothing holds the run (a lesson asks for a prediction before the outcome shows). */
    free: ({ context }) => !context.watch?.holds?.(),
  },
  actions: {
    // The Simulation is mutable (copying it on every frame would cost more than it shows): named
    // actions change it in place, and `bumpVersion` tells selectors to read it again.
    advance: assign({
      stopRequested: ({ context, event }) => {
        assertEvent(event, 'run.tick');
        // A frame never advances more than a quarter second of real time: a background tab returning
        // must not fast-forward the class through an hour of events.
        const seconds = Math.min(Math.max(event.ms, 0), 250) / 1000;
        const factor = isQuiet(context.sim) ? QUIET_TIME_FACTOR : 1;
        const target = context.sim.now + seconds * context.speed * factor;
        const { watch } = context;
        if (!watch) {
          context.sim.advanceTo(target);
          return false;
        }
        return context.sim.advanceUntil(target, () => watch.takeStop());
      },
    }),
    jump: ({ context, event }) => {
      assertEvent(event, 'run.jump');
      const { watch, sim } = context;
      const limit = sim.now + Math.max(0, event.withinMinutes);
      if (watch) sim.advanceUntil(limit, () => watch.takeStop());
      else sim.advanceTo(limit);
    },
    step: ({ context }) => {
      context.sim.step();
      // A step that meets the watch's moment has stopped there already.
      context.watch?.takeStop();
    },
    /** A person's action (an approval, a rollback) can meet the watch's moment: playing stops there. */
    checkWatch: assign({ stopRequested: ({ context }) => context.stopRequested || (context.watch?.takeStop() ?? false) }),
    clearStop: assign({ stopRequested: false }),
    setWatch: assign({
      watch: ({ context, event }) => {
        assertEvent(event, 'run.watch');
        event.watch?.attach(context.sim);
        return event.watch;
      },
    }),
    person: ({ context, event }) => {
      applyPersonEvent(context.sim, event as PersonEvent);
    },
    /** Notes what a person did, where: the run can be made again (rewind, a saved run). */
    journal: ({ context, event }) => {
      context.journal.push({ mark: context.sim.mark, event: event as PersonEvent });
    },
    rewind: assign(({ context, event }) => {
      assertEvent(event, 'run.rewind');
      const { settings, startAt } = context.start;
      const sim = new Simulation(structuredClone(settings), { retainDays: context.retainDays });
      if (startAt) sim.advanceTo(startAt);
      const journal = context.journal.filter((entry) => entry.mark.t <= event.to);
      for (const entry of journal) {
        sim.advanceToMark(entry.mark);
        applyPersonEvent(sim, entry.event);
      }
      if (sim.now < event.to) sim.advanceTo(event.to);
      context.sim.stop();
      context.watch?.attach(sim, true);
      return { sim, journal, stopRequested: false };
    }),
    load: assign(({ context, event }) => {
      assertEvent(event, 'run.load');
      context.sim.stop();
      context.watch?.attach(event.sim);
      return { sim: event.sim, start: structuredClone(event.start), journal: [...event.journal], stopRequested: false };
    }),
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
        const sim = new Simulation(structuredClone(event.settings), { retainDays: context.retainDays });
        if (event.startAt) sim.advanceTo(event.startAt);
        context.watch?.attach(sim);
        return sim;
      },
      start: ({ event }) => {
        assertEvent(event, 'run.reset');
        return { settings: structuredClone(event.settings), startAt: event.startAt ?? 0 };
      },
      journal: () => [],
      stopRequested: false,
    }),
  },
}).createMachine({
  id: 'runner',
  context: ({ input }) => {
    const retainDays = input.retainDays ?? LIVE_RETAIN_DAYS;
    const sim = new Simulation(structuredClone(input.settings), { retainDays });
    if (input.startAt) sim.advanceTo(input.startAt);
    input.watch?.attach(sim);
    return {
      sim,
      start: { settings: structuredClone(input.settings), startAt: input.startAt ?? 0 },
      journal: [],
      watch: input.watch ?? null,
      stopRequested: false,
      speed: input.speed ?? DEFAULT_SPEED,
      version: 0,
      retainDays,
    };
  },
  initial: 'paused',
  on: {
    'run.speed': { actions: 'setSpeed' },
    'approval.approve': { guard: 'decisionAwaited', actions: ['journal', 'person', 'checkWatch', 'bumpVersion'] },
    'approval.reject': { guard: 'decisionAwaited', actions: ['journal', 'person', 'checkWatch', 'bumpVersion'] },
    'fault.inject': { actions: ['journal', 'person', 'checkWatch', 'bumpVersion'] },
    'incident.rollback': { actions: ['journal', 'person', 'checkWatch', 'bumpVersion'] },
    'settings.change': { actions: ['journal', 'person', 'checkWatch', 'bumpVersion'] },
    // The template is journaled as given: replaying it needs no parser.
    'stack.execute': { actions: ['journal', 'person', 'checkWatch', 'bumpVersion'] },
    'drift.inject': { guard: 'driftPossible', actions: ['journal', 'person', 'checkWatch', 'bumpVersion'] },
    'drift.detect': { actions: ['journal', 'person', 'checkWatch', 'bumpVersion'] },
    'run.rewind': { target: '.paused', actions: ['rewind', 'bumpVersion'] },
    'run.load': { target: '.paused', actions: ['load', 'bumpVersion'] },
    'run.jump': { guard: 'free', target: '.paused', actions: ['jump', 'bumpVersion'] },
    'run.watch': { actions: ['setWatch', 'bumpVersion'] },
  },
  exit: 'stopSimulation',
  states: {
    paused: {
      entry: 'clearStop',
      on: {
        'run.play': { guard: 'free', target: 'playing' },
        'run.toggle': { guard: 'free', target: 'playing' },
        'run.step': { guard: 'free', actions: ['step', 'bumpVersion'] },
        'run.reset': { actions: ['stopSimulation', 'startFresh', 'bumpVersion'] },
      },
    },
    playing: {
      // A stop asked for while paused (an approval that met a goal) is moot once the run plays on.
      entry: 'clearStop',
      always: [
        { guard: 'stopRequested', target: 'paused' },
        { guard: not('free'), target: 'paused' },
      ],
      on: {
        'run.pause': 'paused',
        'run.toggle': 'paused',
        'run.tick': { actions: ['advance', 'bumpVersion'] },
        'run.step': { guard: 'free', target: 'paused', actions: ['step', 'bumpVersion'] },
        'run.reset': { target: 'paused', actions: ['stopSimulation', 'startFresh', 'bumpVersion'] },
      },
    },
  },
});
