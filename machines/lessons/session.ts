import type { LoggedEvent } from '../events';
import type { Simulation } from '../engine/simulation';
import { computeMetrics, type Metrics } from '../metrics/metrics';
import type { RunWatch } from '../runner/runnerMachine';
import { describeCondition, matches } from './goals';
import { measure, tallyKey, type MeasureContext, type MeasureValue } from './measures';
import type { Lesson, Step } from './types';

export type StepPhase = 'predict' | 'play' | 'met';

/** A prediction beside what happened; `guess` null when skipped, `actual` null until the moment. */
export interface Reveal {
  guess: number | string | null;
  actual: MeasureValue;
}

export interface LessonState {
  step: number;
  phase: StepPhase;
  /** Moments of the goal seen so far in this step. */
  progress: number;
  /** Hints shown so far in this step. */
  hints: number;
  /** When the step's goal was met (virtual minutes). */
  metAt: number | null;
  /** Per step id. */
  reveals: Readonly<Record<string, Reveal>>;
  /** Ids of the steps met so far, in order. */
  met: readonly string[];
  /** The last step is met and the learner has moved on to the debrief. */
  finished: boolean;
  /** The goal's moment came but its numbers did not hold yet: what fell short, in words. */
  notYet: string | null;
}

/**
 * A MeasureContext over a run, its metrics computed once on demand from the run's start to `until`
 * (default: now).
 */
export function contextAt(sim: Simulation, moment: LoggedEvent | null, tally: ReadonlyMap<string, number>, until = sim.now): MeasureContext {
  let metrics: Metrics | null = null;
  return {
    sim,
    moment,
    tally,
    // The window's end is exclusive: a hair past `until` counts the moment's own events.
    metrics: () => (metrics ??= computeMetrics(sim.log, { from: 0, to: until + 1e-6 })),
  };
}

/**
 * One learner's way through one lesson: which step is on, the goal's progress, predictions and their
 * reveals. It follows the run as a RunWatch, so the run stops at the goal's moment (and at the step's
 * other pause points) whatever the speed; the page and the headless replay drive it the same way.
 */
export class LessonSession implements RunWatch {
  private sim: Simulation | null = null;
  private unsubscribe: (() => void) | null = null;
  private stopWanted = false;
  private tally = new Map<string, number>();
  private state: LessonState;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly lesson: Lesson,
    step = 0,
  ) {
    this.state = {
      step,
      phase: 'play',
      progress: 0,
      hints: 0,
      metAt: null,
      reveals: {},
      met: lesson.steps.slice(0, step).map((s) => s.id),
      finished: false,
      notYet: null,
    };
    this.state = { ...this.state, phase: this.startPhase(step) };
  }

  // ---------------------------------------------------------------- RunWatch

  attach(sim: Simulation): void {
    this.unsubscribe?.();
    this.sim = sim;
    this.unsubscribe = sim.subscribe((e) => this.observe(e));
  }

  takeStop(): boolean {
    const wanted = this.stopWanted;
    this.stopWanted = false;
    return wanted;
  }

  holds(): string | null {
    if (this.state.finished) return null;
    if (this.state.phase === 'predict') return 'Answer the prediction (or skip it) first.';
    // The next step counts from its own start: playing on here would let its moments slip by.
    if (this.state.phase === 'met') return this.isLastStep ? 'Open the debrief to go on.' : 'Go on to the next step first.';
    return null;
  }

  detach(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.sim = null;
  }

  // ---------------------------------------------------------------- reading

  getState = (): LessonState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get currentStep(): Step {
    return this.lesson.steps[Math.min(this.state.step, this.lesson.steps.length - 1)]!;
  }

  get isLastStep(): boolean {
    return this.state.step >= this.lesson.steps.length - 1;
  }

  // ---------------------------------------------------------------- the learner

  /** Records the learner's prediction for this step (null: skipped) and lets the run play. */
  answer(guess: number | string | null): void {
    if (this.state.phase !== 'predict') return;
    const id = this.currentStep.id;
    this.set({ phase: 'play', reveals: { ...this.state.reveals, [id]: { guess, actual: null } } });
  }

  showHint(): void {
    if (this.state.hints < this.currentStep.hints.length) this.set({ hints: this.state.hints + 1 });
  }

  /** On to the next step once this one is met; after the last, to the debrief. */
  next(): void {
    if (this.state.phase !== 'met') return;
    if (this.isLastStep) {
      this.set({ finished: true });
      return;
    }
    const step = this.state.step + 1;
    this.tally = new Map();
    this.set({ step, phase: this.startPhase(step), progress: 0, hints: 0, metAt: null, notYet: null });
  }

  // ---------------------------------------------------------------- following the run

  private startPhase(step: number): StepPhase {
    const s = this.lesson.steps[step];
    return s?.prediction ? 'predict' : 'play';
  }

  private observe(e: LoggedEvent): void {
    for (const key of tallyKey(e)) this.tally.set(key, (this.tally.get(key) ?? 0) + 1);
    if (this.state.phase === 'met' || this.state.finished) return;
    const step = this.currentStep;
    if (step.pauseAt?.some((p) => matches(p, e))) this.stopWanted = true;
    if (!matches(step.goal.when, e)) return;
    const progress = this.state.progress + 1;
    if (progress < (step.goal.count ?? 1)) {
      this.set({ progress });
      return;
    }
    const context = contextAt(this.sim!, e, this.tally);
    const failing = (step.goal.check ?? []).find((c) => !describeCondition(c, context).holds);
    if (failing) {
      this.set({ progress, notYet: describeCondition(failing, context).words });
      return;
    }
    const reveals = { ...this.state.reveals };
    if (step.prediction) {
      const guess = reveals[step.id]?.guess ?? null;
      reveals[step.id] = { guess, actual: measure(step.prediction.measure, context) };
    }
    this.stopWanted = true;
    this.set({ progress, phase: 'met', metAt: e.t, reveals, met: [...this.state.met, step.id], notYet: null });
  }

  private set(change: Partial<LessonState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
