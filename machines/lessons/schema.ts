import * as v from 'valibot';
import { FAULTS } from '../view/faults';
import { DRIFT_CHANGE_IDS } from '../iac/drift';
import { SPEEDS } from '../runner/speeds';
import { MODES } from '../world/modes';
import { CULTURES, NUMERIC_SETTINGS, validateSettings } from '../world/settings';
import { MEASURE_IDS } from './measures';
import { lessonSettings } from './replay';
import type { Lesson } from './types';

/**
 * The shape every lesson must have, checked at test time (and by anyone adding a lesson): a
 * misspelt measure, an event that does not exist or a reference action for a step that is not there
 * is found before a learner meets it.
 */

const EVENT_TYPES = [
  'commit.pushed',
  'execution.started',
  'stage.entered',
  'stage.started',
  'stage.succeeded',
  'stage.failed',
  'execution.superseded',
  'execution.held',
  'approval.requested',
  'approval.granted',
  'approval.rejected',
  'release.scheduled',
  'deploy.succeeded',
  'incident.started',
  'alarm.fired',
  'incident.reported',
  'incident.paged',
  'incident.acknowledged',
  'rollback.started',
  'deploy.rolledBack',
  'rollback.failed',
  'hotfix.planned',
  'release.due',
  'incident.restored',
  'handoff.queued',
  'handoff.done',
  'postmortem.held',
  'pipeline.held',
  'pipeline.resumed',
  'fault.injected',
  'fault.applied',
  'settings.changed',
  'infra.commit',
  'stack.update.started',
  'stack.update.resource',
  'stack.update.completed',
  'stack.update.rolledBack',
  'drift.introduced',
  'drift.detected',
  'drift.resolved',
] as const;

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));
const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens'));
const minutes = v.pipe(v.number(), v.minValue(0), v.maxValue(3650 * 24 * 60));
const measureId = v.picklist(MEASURE_IDS, `must be one of the measures in machines/lessons/measures.ts`);

const pattern = v.strictObject({
  event: v.picklist(EVENT_TYPES, 'must be an event type of machines/events.ts'),
  where: v.optional(v.record(v.string(), v.union([v.string(), v.number(), v.boolean()]))),
});

const condition = v.pipe(
  v.strictObject({ measure: measureId, atMost: v.optional(v.number()), atLeast: v.optional(v.number()), is: v.optional(v.string()) }),
  v.check((c) => c.atMost !== undefined || c.atLeast !== undefined || c.is !== undefined, 'a condition needs atMost, atLeast or is'),
);

const liveChange = v.strictObject({
  monitoring: v.optional(v.boolean()),
  alarmThreshold: v.optional(v.pipe(v.number(), v.minValue(0.001), v.maxValue(1))),
  approver: v.optional(v.picklist(['scheduled', 'learner'])),
  approvalsPerDay: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(8))),
  testCoverage: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  culture: v.optional(v.picklist(CULTURES)),
  learning: v.optional(v.boolean()),
});

const numericKeys = Object.fromEntries(NUMERIC_SETTINGS.map((s) => [s.key, v.optional(v.number())]));
const settingsOverride = {
  ...numericKeys,
  culture: v.optional(v.picklist(CULTURES)),
  monitoring: v.optional(v.boolean()),
  approver: v.optional(v.picklist(['scheduled', 'learner'])),
  learning: v.optional(v.boolean()),
};

const prediction = v.variant('kind', [
  v.strictObject({
    kind: v.literal('number'),
    question: text,
    measure: measureId,
    unit: text,
    min: v.number(),
    max: v.number(),
  }),
  v.strictObject({
    kind: v.literal('choice'),
    question: text,
    measure: measureId,
    options: v.pipe(v.array(v.strictObject({ value: text, label: text })), v.minLength(2, 'a choice needs at least two options')),
  }),
]);

const step = v.strictObject({
  id: slug,
  title: text,
  instruction: text,
  setup: v.optional(
    v.strictObject({
      restart: v.optional(v.strictObject({ ...settingsOverride, mode: v.optional(v.picklist(MODES)), startAt: v.optional(minutes) })),
      configure: v.optional(liveChange),
      inject: v.optional(v.array(v.picklist(FAULTS))),
    }),
  ),
  prediction: v.optional(prediction),
  goal: v.strictObject({
    text,
    when: pattern,
    count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    check: v.optional(v.array(condition)),
    needsAction: v.boolean(),
    within: v.pipe(minutes, v.minValue(1)),
  }),
  hints: v.pipe(v.array(text), v.minLength(1, 'every step needs at least one hint')),
  pauseAt: v.optional(v.array(pattern)),
  outcome: text,
});

const action = v.variant('do', [
  v.strictObject({ step: slug, at: minutes, do: v.picklist(['approve', 'reject', 'rollback']) }),
  v.strictObject({ step: slug, at: minutes, do: v.literal('inject'), fault: v.picklist(FAULTS) }),
  v.strictObject({ step: slug, at: minutes, do: v.literal('configure'), change: liveChange }),
  v.strictObject({ step: slug, at: minutes, do: v.literal('template'), removeStage: v.optional(text) }),
  v.strictObject({ step: slug, at: minutes, do: v.literal('drift'), change: v.picklist(DRIFT_CHANGE_IDS) }),
  v.strictObject({ step: slug, at: minutes, do: v.literal('detect-drift') }),
]);

export const LessonSchema = v.pipe(
  v.strictObject({
    slug,
    title: text,
    idea: text,
    summary: text,
    minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60)),
    objectives: v.pipe(v.array(text), v.minLength(1)),
    start: v.strictObject({
      settings: v.strictObject({ ...settingsOverride, mode: v.picklist(MODES) }),
      speed: v.picklist(SPEEDS),
      startAt: minutes,
    }),
    steps: v.pipe(v.array(step), v.minLength(1)),
    solution: v.array(action),
    debrief: v.strictObject({ compare: v.pipe(v.array(measureId), v.minLength(1)), takeaway: text }),
    questions: v.pipe(v.array(text), v.minLength(1)),
  }),
  v.check((l) => new Set(l.steps.map((s) => s.id)).size === l.steps.length, 'step ids must be unique'),
  v.check((l) => l.solution.every((a) => l.steps.some((s) => s.id === a.step)), 'every action of the solution must name a step of the lesson'),
  v.check((l) => validateSettings(lessonSettings(l as Lesson)).ok, 'the start settings must be valid settings'),
);

/** Problems with a lesson as "path: message" lines; empty when it is sound. */
export function lessonProblems(lesson: unknown): string[] {
  const result = v.safeParse(LessonSchema, lesson);
  if (result.success) return [];
  return result.issues.map((issue) => {
    const path = v.getDotPath(issue);
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
