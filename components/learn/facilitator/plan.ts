import { describeMetric, METRIC_TITLES } from "@/components/metrics/describeMetric";
import { runHeadless } from "@/machines/engine/headless";
import { LESSONS, lessonBySlug } from "@/machines/lessons/catalog";
import { formatMeasure } from "@/machines/lessons/goals";
import { MEASURES, measure, type Measure } from "@/machines/lessons/measures";
import { referenceRun } from "@/machines/lessons/replay";
import { contextAt } from "@/machines/lessons/session";
import type { Lesson, Prediction, Step } from "@/machines/lessons/types";
import type { KeyMetric } from "@/machines/metrics/dora";
import { trimNumber } from "@/machines/metrics/quantity";
import { formatClock } from "@/machines/sim/calendar";
import { MODE_INFO, type Mode } from "@/machines/world/modes";
import { defaultSettings } from "@/machines/world/settings";
import { simulatorSearch } from "@/lib/url/simulatorParams";
import { DEFAULT_SPEED } from "@/machines/runner/speeds";

/**
 * The facilitator guide's 45-minute plan: which lessons a class can hold, in what order, and the
 * numbers the room will see. The choices below are words; every number is computed from the engine
 * when the page is built (each lesson's reference run, and headless 90-day runs for the close), so
 * the guide cannot drift from what the simulator shows.
 */

/** The class length the plan must fit. */
export const CLASS_MINUTES = 45;

/** The seed of the close's comparison: the simulator's default. */
export const CLOSE_SEED = defaultSettings().seed;
export const CLOSE_MODES: readonly Mode[] = ["manual", "ci", "delivery", "deployment"];

type Choice =
  | { kind: "talk"; id: string; title: string; minutes: number; why: string; say: string; ask: string; projector?: { href: string; label: string } }
  | {
      kind: "lesson";
      slug: string;
      /** Why this lesson is in the 45 minutes. */
      why: string;
      /** The step whose prediction is the segment's main question and number. */
      focus: string;
    }
  | { kind: "close"; id: string; title: string; minutes: number; why: string; say: string; ask: string };

/** The plan, in order. Lesson segments take the lesson's own minutes. */
const CHOICES: readonly Choice[] = [
  {
    kind: "talk",
    id: "opening",
    title: "Opening: how long does a change take?",
    minutes: 4,
    why: "The room's own numbers, to set beside the simulated teams at the close.",
    say: "Before any simulator: ask the room, write the answers on the board and keep them for the close.",
    ask: "In your team, how long does a change take from a developer’s push to a customer using it? How often do you release?",
  },
  {
    kind: "lesson",
    slug: "anatomy-of-a-pipeline",
    why: "Names the stages everyone will see for the rest of the class: CodeCommit, CodeBuild, the tests, Approval, CodeDeploy.",
    focus: "deploy",
  },
  {
    kind: "lesson",
    slug: "the-quarterly-release",
    why: "The pain the rest of the class answers: three months of commits shipped in one day, with no way back.",
    focus: "ship",
  },
  {
    kind: "lesson",
    slug: "continuous-integration",
    why: "The first answer: integrate small changes every day, so a break is found in minutes by the person who made it.",
    focus: "green",
  },
  {
    kind: "lesson",
    slug: "continuous-deployment",
    why: "The far end: no approval at all, and what must replace it (tests, the alarm, an automatic rollback).",
    focus: "alarm",
  },
  {
    kind: "close",
    id: "close",
    title: "Close: the four keys, side by side",
    minutes: 9,
    why: "Ties the lessons to the DORA four keys and back to the room’s own answers; about 6 minutes of talk and 3 to spare.",
    say: "Open the comparison: the same team and the same commits, 90 days in each mode. Go back to the answers on the board.",
    ask: "Which of these teams is yours closest to today, and which one step would move it towards the next?",
  },
];

/** Lessons left out of the 45 minutes, and why: each is a whole extension of its own. */
const EXTENSIONS: Record<string, string> = {
  "continuous-delivery":
    "Approval as a decision: what piles up when nobody decides, and where rejected commits go. The anatomy lesson already shows one approval; add this for a class that keeps a manual gate.",
  "release-cadence":
    "The same team released every quarter, week, day and three times a day: the bridge between the quarterly release and Continuous Deployment. The first lesson to add in a 60-minute class.",
  "monitoring-and-feedback":
    "The alarm, the postmortem and a morning without monitoring. Continuous Deployment already shows the alarm and an unwatched defect; add this for an operations audience.",
  "dev-and-ops":
    "Silos against one team: the ticket to Ops and the wait to recover. A culture topic that deserves its own discussion rather than the last minutes of this class.",
};

// ------------------------------------------------------------------------------------------ output

export interface GuideMoment {
  stepId: string;
  title: string;
  /** The goal, as the lesson pauses on it ("The release runs in production"). */
  stopAt: string;
  /** Simulated clock when the lesson pauses for the step (it starts), and when its goal is met. */
  startsAt: string;
  metAt: string;
  /** Other moments inside the step at which the lesson pauses, in words ("a revision reaches Approval"). */
  alsoPausesWhen: string[];
  /** Real seconds of play from the step's start to its goal at the lesson's speed. */
  playSeconds: number;
  /** The step's prediction, asked before playing on; null for steps without one. */
  question: string | null;
  /** What the reference run gives for it, in words ("831 commits"). */
  answer: string | null;
  /** The step that the segment is built around. */
  focus: boolean;
}

export interface GuideNumber {
  label: string;
  value: string;
}

export interface GuideLink {
  href: string;
  label: string;
}

interface SegmentBase {
  id: string;
  title: string;
  /** Minutes from the start of the class. */
  start: number;
  end: number;
  why: string;
  /** The one question for the room. */
  ask: string;
  /** The number to point at; null when there is none. */
  pointAt: GuideNumber | null;
  /** Where to open it on the projector. */
  projector: GuideLink | null;
}

export interface TalkSegment extends SegmentBase {
  kind: "talk";
  say: string;
}

export interface LessonSegment extends SegmentBase {
  kind: "lesson";
  lesson: { slug: string; title: string; idea: string; href: string; speed: number; objectives: string[]; startsAt: string };
  /** Where the lesson's run starts and with which seed. */
  seed: number;
  mode: Mode;
  stopAt: string;
  moments: GuideMoment[];
  debrief: { rows: GuideNumber[]; takeaway: string };
  /** The lesson's questions for after its debrief. */
  discuss: string[];
}

export interface CloseRow {
  mode: Mode;
  name: string;
  /** Each key as the DORA tile says it ("at least 35.6 hours"), with its band. */
  /** Each key's band, or why it has none ("too few to band: 1 deployment"). */
  keys: Record<KeyMetric, { value: string; band: string }>;
  meanBatch: string;
}

export interface CloseSegment extends SegmentBase {
  kind: "close";
  say: string;
  seed: number;
  days: number;
  keyTitles: Record<KeyMetric, string>;
  rows: CloseRow[];
}

export type GuideSegment = TalkSegment | LessonSegment | CloseSegment;

export interface GuideExtension {
  slug: string;
  title: string;
  href: string;
  minutes: number;
  why: string;
}

export interface FacilitatorPlan {
  segments: GuideSegment[];
  /** Minutes the plan takes. */
  total: number;
  extensions: GuideExtension[];
  /** All lessons, for "they total ~70 min". */
  allLessonsMinutes: number;
  /** How long building the plan took, in milliseconds (reported on the page for the curious). */
  builtInMs: number;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "0:04", "0:45", "1:05": a class clock. */
export function classClock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The prediction's answer as the lesson says it when it reveals it. */
export function answerWords(prediction: Prediction, actual: number | string | null): string {
  if (prediction.kind === "choice") {
    const option = prediction.options.find((o) => o.value === actual);
    if (option) return option.label;
  }
  const words = formatMeasure(prediction.measure, actual);
  // A bare count ("4") takes the prediction's own unit ("4 pushes").
  const bare = prediction.kind === "number" && typeof actual === "number" && (MEASURES[prediction.measure] as Measure).unit === "count";
  return bare ? `${words} ${prediction.unit}` : words;
}

/**
 * The lesson's start state on /simulator in presenter mode, when the address can carry its settings
 * (mode, seed, approver, culture, monitoring, threshold, coverage, defect rate, commits per day) and
 * the moment it starts at (`t`): the trainer's own run of the same story, at the simulator's speed.
 */
function projectorFor(lesson: Lesson): GuideLink | null {
  const { settings, startAt } = lesson.start;
  const carried = new Set(["mode", "seed", "approver", "culture", "monitoring", "alarmThreshold", "testCoverage", "defectRate", "commitsPerDay"]);
  if (Object.keys(settings).some((key) => !carried.has(key))) return null;
  const approver = settings.approver === "scheduled" ? "scheduled" : "learner";
  const search = simulatorSearch({
    mode: settings.mode,
    seed: settings.seed ?? 1,
    speed: DEFAULT_SPEED,
    approver,
    culture: settings.culture,
    monitoring: settings.monitoring,
    alarmThreshold: settings.alarmThreshold,
    testCoverage: settings.testCoverage,
    defectRate: settings.defectRate,
    commitsPerDay: settings.commitsPerDay,
    t: startAt,
  });
  return {
    href: `/simulator${search}&present=1`,
    label: `The same run in presenter mode: ${MODE_INFO[settings.mode].name}, seed ${settings.seed ?? 1}`,
  };
}

/** Words for the events a step pauses at besides its goal. */
const PAUSE_WORDS: Partial<Record<string, string>> = {
  "approval.requested": "a revision reaches Approval",
  "alarm.fired": "the alarm fires",
  "handoff.queued": "a ticket waits for Ops",
};

function lessonSegment(lesson: Lesson, choice: Extract<Choice, { kind: "lesson" }>, start: number): LessonSegment {
  const { result, session, sim } = referenceRun(lesson);
  if (!result.ok) throw new Error(`The reference run of "${lesson.slug}" failed at ${result.step}: ${result.problem}`);
  const reveals = session.getState().reveals;
  const records = new Map(result.steps.map((r) => [r.id, r]));
  const moments = lesson.steps.map((step: Step): GuideMoment => {
    const record = records.get(step.id)!;
    const actual = reveals[step.id]?.actual ?? null;
    return {
      stepId: step.id,
      title: step.title,
      stopAt: step.goal.text,
      startsAt: formatClock(record.metAt - record.took),
      metAt: formatClock(record.metAt),
      alsoPausesWhen: (step.pauseAt ?? []).map((pattern) => PAUSE_WORDS[pattern.event] ?? pattern.event),
      playSeconds: record.took / lesson.start.speed,
      question: step.prediction?.question ?? null,
      answer: step.prediction ? answerWords(step.prediction, actual) : null,
      focus: step.id === choice.focus,
    };
  });
  const focus = moments.find((m) => m.focus);
  const focusStep = lesson.steps.find((s) => s.id === choice.focus);
  if (!focus || !focusStep?.prediction) throw new Error(`"${lesson.slug}": the focus step "${choice.focus}" must exist and ask a prediction`);
  const context = contextAt(sim, null, new Map());
  return {
    kind: "lesson",
    id: lesson.slug,
    title: lesson.title,
    start,
    end: start + lesson.minutes,
    why: choice.why,
    ask: focus.question!,
    pointAt: { label: (MEASURES[focusStep.prediction.measure] as Measure).label, value: focus.answer! },
    projector: projectorFor(lesson),
    stopAt: `Step ${lesson.steps.indexOf(focusStep) + 1}, “${focus.title}”, at ${focus.startsAt} in the run: the lesson waits for the prediction. Play on once the room has answered; it pauses again when ${lowerFirst(focus.stopAt)}.`,
    lesson: {
      slug: lesson.slug,
      title: lesson.title,
      idea: lesson.idea,
      href: `/learn/${lesson.slug}`,
      speed: lesson.start.speed,
      objectives: lesson.objectives,
      startsAt: formatClock(lesson.start.startAt),
    },
    seed: lesson.start.settings.seed ?? 1,
    mode: lesson.start.settings.mode,
    moments,
    debrief: {
      rows: lesson.debrief.compare.map((id) => ({ label: (MEASURES[id] as Measure).label, value: formatMeasure(id, measure(id, context)) })),
      takeaway: lesson.debrief.takeaway,
    },
    discuss: lesson.questions,
  };
}

const KEYS: readonly KeyMetric[] = ["deploymentFrequency", "leadTime", "changeFailureRate", "timeToRestore"];

/** The four keys of one mode over the default run (90 days, the close's seed), as the DORA tiles say them. */
export function closeRow(mode: Mode, seed = CLOSE_SEED): CloseRow {
  const { metrics } = runHeadless(defaultSettings(mode, seed), { retainDays: 2 });
  const keys = {} as CloseRow["keys"];
  for (const key of KEYS) {
    const shown = describeMetric(key, metrics);
    const value = shown.value === "—" ? "none" : `${shown.lowerBound ? "at least " : ""}${shown.value}${shown.unit === "%" ? "%" : ` ${shown.unit}`}`;
    keys[key] = { value, band: shown.bandName ?? shown.bandReason ?? "no band" };
  }
  const batch = metrics.batchSize.mean;
  return {
    mode,
    name: MODE_INFO[mode].name,
    keys,
    meanBatch: batch === null ? "none" : `${trimNumber(batch, 1)} ${batch === 1 ? "commit" : "commits"}`,
  };
}

function closeSegment(choice: Extract<Choice, { kind: "close" }>, start: number): CloseSegment {
  const rows = CLOSE_MODES.map((mode) => closeRow(mode));
  const first = rows[0]!;
  const last = rows.at(-1)!;
  const days = defaultSettings().days;
  return {
    kind: "close",
    id: choice.id,
    title: choice.title,
    start,
    end: start + choice.minutes,
    why: choice.why,
    ask: choice.ask,
    say: choice.say,
    pointAt: {
      label: `${METRIC_TITLES.leadTime.toLowerCase()}: ${first.name} against ${last.name}`,
      value: `${first.keys.leadTime.value} against ${last.keys.leadTime.value}`,
    },
    projector: { href: `/compare?modes=${CLOSE_MODES.join(",")}&seed=${CLOSE_SEED}&days=${days}`, label: `Compare all four modes, seed ${CLOSE_SEED}` },
    seed: CLOSE_SEED,
    days,
    keyTitles: METRIC_TITLES,
    rows,
  };
}

/** Builds the plan: runs each chosen lesson's reference solution and the close's 90-day runs. */
export function buildFacilitatorPlan(): FacilitatorPlan {
  const began = performance.now();
  const segments: GuideSegment[] = [];
  let clock = 0;
  for (const choice of CHOICES) {
    let segment: GuideSegment;
    if (choice.kind === "lesson") {
      const lesson = lessonBySlug(choice.slug);
      if (!lesson) throw new Error(`No lesson "${choice.slug}"`);
      segment = lessonSegment(lesson, choice, clock);
    } else if (choice.kind === "close") {
      segment = closeSegment(choice, clock);
    } else {
      segment = {
        kind: "talk",
        id: choice.id,
        title: choice.title,
        start: clock,
        end: clock + choice.minutes,
        why: choice.why,
        say: choice.say,
        ask: choice.ask,
        pointAt: null,
        projector: choice.projector ?? null,
      };
    }
    segments.push(segment);
    clock = segment.end;
  }
  const chosen = new Set(segments.filter((s) => s.kind === "lesson").map((s) => s.id));
  const extensions = LESSONS.filter((lesson) => !chosen.has(lesson.slug)).map((lesson) => ({
    slug: lesson.slug,
    title: lesson.title,
    href: `/learn/${lesson.slug}`,
    minutes: lesson.minutes,
    why: EXTENSIONS[lesson.slug] ?? lesson.summary,
  }));
  return {
    segments,
    total: clock,
    extensions,
    allLessonsMinutes: LESSONS.reduce((sum, lesson) => sum + lesson.minutes, 0),
    builtInMs: performance.now() - began,
  };
}
