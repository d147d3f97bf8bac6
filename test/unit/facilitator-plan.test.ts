import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerWords,
  buildFacilitatorPlan,
  CLASS_MINUTES,
  classClock,
  closeRow,
  type FacilitatorPlan,
  type LessonSegment,
} from '@/components/learn/facilitator/plan';
import { LESSONS, lessonBySlug } from '@/machines/lessons/catalog';
import { formatMeasure } from '@/machines/lessons/goals';
import { measure } from '@/machines/lessons/measures';
import { referenceRun } from '@/machines/lessons/replay';
import { contextAt } from '@/machines/lessons/session';
import { runHeadless } from '@/machines/engine/headless';
import { durationText, rateText } from '@/machines/metrics/quantity';
import { defaultSettings } from '@/machines/world/settings';

describe("the facilitator guide's 45-minute plan", () => {
  let plan: FacilitatorPlan;
  beforeAll(() => {
    plan = buildFacilitatorPlan();
  });

  it('is built in a few seconds at most (it runs at build time)', () => {
    console.info(`facilitator plan built in ${Math.round(plan.builtInMs)} ms`);
    expect(plan.builtInMs).toBeLessThan(5000);
  });

  it('fits the class: segments follow one another from 0:00 and end by 0:45', () => {
    expect(plan.segments[0]!.start).toBe(0);
    for (let i = 1; i < plan.segments.length; i++) expect(plan.segments[i]!.start).toBe(plan.segments[i - 1]!.end);
    const sum = plan.segments.reduce((total, s) => total + (s.end - s.start), 0);
    expect(sum).toBe(plan.total);
    expect(plan.total).toBeLessThanOrEqual(CLASS_MINUTES);
    expect(classClock(plan.total)).toBe('0:45');
  });

  it("takes each lesson segment's time from its lesson, and lists every other lesson as an extension", () => {
    const lessons = plan.segments.filter((s): s is LessonSegment => s.kind === 'lesson');
    expect(lessons.length).toBeGreaterThanOrEqual(3);
    for (const segment of lessons) expect(segment.end - segment.start).toBe(lessonBySlug(segment.id)!.minutes);
    const covered = [...lessons.map((s) => s.id), ...plan.extensions.map((e) => e.slug)].sort();
    expect(covered).toEqual(LESSONS.map((l) => l.slug).sort());
    expect(plan.allLessonsMinutes).toBe(LESSONS.reduce((sum, l) => sum + l.minutes, 0));
    expect(plan.allLessonsMinutes).toBeGreaterThan(CLASS_MINUTES);
  });

  it('gives every segment a question, and every lesson segment a number to point at', () => {
    for (const segment of plan.segments) {
      expect(segment.ask.length).toBeGreaterThan(10);
      if (segment.kind !== 'talk') expect(segment.pointAt?.value).toBeTruthy();
    }
  });

  it("shows the numbers the engine computes: each lesson's reference run", () => {
    for (const segment of plan.segments) {
      if (segment.kind !== 'lesson') continue;
      const lesson = lessonBySlug(segment.id)!;
      const { session, sim } = referenceRun(lesson);
      const reveals = session.getState().reveals;
      for (const step of lesson.steps) {
        const moment = segment.moments.find((m) => m.stepId === step.id)!;
        if (!step.prediction) {
          expect(moment.answer).toBeNull();
          continue;
        }
        const actual = reveals[step.id]!.actual;
        expect(actual).not.toBeNull();
        expect(moment.answer).toBe(answerWords(step.prediction, actual));
        expect(moment.answer).toContain(typeof actual === 'number' ? formatMeasure(step.prediction.measure, actual) : '');
      }
      const context = contextAt(sim, null, new Map());
      expect(segment.debrief.rows.map((r) => r.value)).toEqual(lesson.debrief.compare.map((id) => formatMeasure(id, measure(id, context))));
      expect(segment.pointAt!.value).toBe(segment.moments.find((m) => m.focus)!.answer);
    }
  });

  it('pins a few of those numbers in words (they change only when the engine does)', () => {
    const quarterly = plan.segments.find((s) => s.id === 'the-quarterly-release') as LessonSegment;
    const { session } = referenceRun(lessonBySlug('the-quarterly-release')!);
    const batch = session.getState().reveals['ship']!.actual as number;
    expect(quarterly.pointAt!.value).toBe(`${batch} commits`);
  });

  it("shows the close's four keys as a headless 90-day run of each mode computes them", () => {
    const close = plan.segments.find((s) => s.kind === 'close')!;
    expect(close.kind).toBe('close');
    if (close.kind !== 'close') return;
    for (const row of close.rows) {
      expect(row).toEqual(closeRow(row.mode, close.seed));
      const { metrics } = runHeadless(defaultSettings(row.mode, close.seed), { retainDays: 2 });
      const lead = metrics.leadTimeHours;
      expect(row.keys.leadTime.value).toBe(`${lead.medianIsLowerBound ? 'at least ' : ''}${durationText(lead.median! * 60)}`);
      expect(row.keys.changeFailureRate.value).toBe(rateText(metrics.changeFailureRate!));
    }
  });
});
