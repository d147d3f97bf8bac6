import type { Fault, LiveSettingsChange, SimEvent } from '../events';
import type { DriftChange } from '../iac/drift';
import type { Speed } from '../runner/speeds';
import type { Settings } from '../world/settings';
import type { MeasureId } from './measures';

/**
 * A lesson is data: what it teaches, where the run starts, and steps that the engine checks. Nothing
 * here reads the page; every goal is met by an event of the run and the numbers at that moment.
 */
export interface Lesson {
  /** The address: /learn/<slug>. */
  slug: string;
  title: string;
  /** The idea of the seed text it teaches, in a few words ("Continuous Integration"). */
  idea: string;
  /** One sentence for the lesson list. */
  summary: string;
  /** Minutes a learner needs, about. */
  minutes: number;
  /** What the learner can say or do afterwards. */
  objectives: string[];
  start: LessonStart;
  steps: Step[];
  /** The reference solution: what a learner who follows the lesson does, at virtual times. */
  solution: ReferenceAction[];
  debrief: DebriefSpec;
  /** For a trainer: questions to ask the room, in the order the lesson raises them. */
  questions: string[];
}

export interface LessonStart {
  /** Settings over the defaults of the mode: `mode` is required, the rest as the lesson needs. */
  settings: Partial<Omit<Settings, 'workingHours'>> & Pick<Settings, 'mode'>;
  speed: Speed;
  /** Virtual minutes run before the learner takes over (say, to the week before release day). */
  startAt: number;
}

/** Something a lesson does to the run when a step begins. */
export interface StepSetup {
  /** Start the run again from the lesson's start, with these settings changed (same seed: the same commits). */
  restart?: Partial<Omit<Settings, 'workingHours' | 'mode'>> & { mode?: Settings['mode']; startAt?: number };
  configure?: LiveSettingsChange;
  inject?: Fault[];
}

export interface Step {
  /** Stable within the lesson: progress and predictions are kept by it. */
  id: string;
  title: string;
  /** What to do and what to watch, in a few sentences. */
  instruction: string;
  setup?: StepSetup;
  /** Asked before the outcome shows; the run does not play until it is answered or skipped. */
  prediction?: Prediction;
  goal: Goal;
  /** From a nudge to the answer, shown one at a time on request. */
  hints: string[];
  /**
   * Other moments inside the step at which the run pauses (a revision reaching Approval for the
   * learner to decide); the goal's own moment always pauses.
   */
  pauseAt?: EventPattern[];
  /** Said when the goal is met: what just happened, in a sentence or two. */
  outcome: string;
}

/** One kind of event, and field values it must have ('by': 'You' for the learner's own actions). */
export interface EventPattern {
  event: SimEvent['type'];
  where?: Record<string, string | number | boolean>;
}

export interface Goal {
  /** The goal in words, as the learner reads it. */
  text: string;
  /** The moment that can meet it. */
  when: EventPattern;
  /** Moments needed since the step began (default 1). */
  count?: number;
  /** Numbers that must hold at that moment; until they do, later moments are checked again. */
  check?: Condition[];
  /**
   * Whether the learner has to act for it (approve, inject, roll back): a run in which nobody acts
   * must not meet it, and a test proves that it does not.
   */
  needsAction: boolean;
  /** Virtual minutes from the step's start within which the reference solution meets it. */
  within: number;
}

export interface Condition {
  measure: MeasureId;
  atMost?: number;
  atLeast?: number;
  is?: string;
}

export type Prediction =
  | {
      kind: 'number';
      question: string;
      /** Measured at the goal's moment. */
      measure: MeasureId;
      unit: string;
      min: number;
      max: number;
    }
  | {
      kind: 'choice';
      question: string;
      measure: MeasureId;
      /** `value` is what the measure gives for that answer. */
      options: { value: string; label: string }[];
    };

export type ReferenceAction =
  | { step: string; at: number; do: 'approve' | 'reject' | 'rollback' }
  | { step: string; at: number; do: 'inject'; fault: Fault }
  | { step: string; at: number; do: 'configure'; change: LiveSettingsChange }
  /** Executes the running template (re-applies it), or it with one pipeline stage removed, as the infrastructure view does. */
  | { step: string; at: number; do: 'template'; removeStage?: string }
  /** Someone changes production by hand. */
  | { step: string; at: number; do: 'drift'; change: DriftChange }
  | { step: string; at: number; do: 'detect-drift' };

/** Which numbers the debrief sets beside the reference run's, and the lesson's point in one line. */
export interface DebriefSpec {
  compare: MeasureId[];
  takeaway: string;
}
