import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../machines/lessons/catalog';
import { HeadlessDriver, lessonSettings, playSteps, referenceRun } from '../../machines/lessons/replay';
import { lessonProblems } from '../../machines/lessons/schema';
import { debriefRun } from '../../machines/lessons/debrief';
import { LessonSession } from '../../machines/lessons/session';
import type { Lesson } from '../../machines/lessons/types';

/** Plays the reference solution up to step `index`, then that step with nobody acting. */
function idleAt(lesson: Lesson, index: number) {
  const session = new LessonSession(lesson);
  const driver = new HeadlessDriver(session, lessonSettings(lesson), lesson.start.startAt);
  const before = playSteps(session, driver, lesson.solution, index);
  expect(before.ok).toBe(true);
  return playSteps(
    session,
    driver,
    lesson.solution.filter((a) => lesson.steps.findIndex((s) => s.id === a.step) < index),
    index + 1,
  );
}

describe('lesson catalog', () => {
  it('has unique slugs', () => {
    expect(new Set(LESSONS.map((l) => l.slug)).size).toBe(LESSONS.length);
  });

  describe.each(LESSONS.map((lesson) => [lesson.slug, lesson] as const))('%s', (_slug, lesson) => {
    it('passes the lesson schema', () => {
      expect(lessonProblems(lesson)).toEqual([]);
    });

    it('asks the learner to act at least once', () => {
      expect(lesson.steps.some((s) => s.goal.needsAction)).toBe(true);
    });

    it('is solved, goal by goal and in order, by its reference solution', () => {
      const { result } = referenceRun(lesson);
      expect(result).toMatchObject({ ok: true });
      expect(result.steps.map((s) => s.id)).toEqual(lesson.steps.map((s) => s.id));
    });

    it.each(lesson.steps.map((s, i) => [s.id, i] as const).filter(([, i]) => lesson.steps[i]!.goal.needsAction))(
      'does not meet step "%s" when nobody acts',
      (_id, index) => {
        const result = idleAt(lesson, index);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.step).toBe(lesson.steps[index]!.id);
      },
    );

    it('measures every prediction at its moment', () => {
      const { session } = referenceRun(lesson);
      for (const step of lesson.steps.filter((s) => s.prediction)) {
        expect(session.getState().reveals[step.id]?.actual, step.id).not.toBeNull();
      }
    });
  });
});

describe('lesson schema', () => {
  const lesson = LESSONS[0]!;

  it('names the field of a misspelt measure', () => {
    const broken = structuredClone(lesson) as unknown as { debrief: { compare: string[] } };
    broken.debrief.compare = ['leadTimeMedain'];
    expect(lessonProblems(broken)).toEqual([expect.stringMatching(/^debrief\.compare\.0: must be one of the measures/)]);
  });

  it('finds an action for a step that does not exist', () => {
    const broken = { ...lesson, solution: [{ step: 'nowhere', at: 0, do: 'approve' }] };
    expect(lessonProblems(broken)).toContain('every action of the solution must name a step of the lesson');
  });

  it('finds an event type that does not exist', () => {
    const broken = structuredClone(lesson) as unknown as { steps: { goal: { when: { event: string } } }[] };
    broken.steps[0]!.goal.when.event = 'deploy.finished';
    expect(lessonProblems(broken)[0]).toMatch(/^steps\.0\.goal\.when\.event: must be an event type/);
  });
});

describe('debrief', () => {
  const lesson = LESSONS.find((l) => l.slug === 'anatomy-of-a-pipeline')!;

  it('sets a slow approver beside the reference run and says why their lead time is longer', () => {
    const reference = referenceRun(lesson);
    // The same lesson, approved an hour and a half later.
    const late = referenceRun(
      lesson,
      lesson.solution.map((a) => ({ ...a, at: a.at + 90 })),
    );
    expect(late.result.ok).toBe(true);
    const { rows, sentences } = debriefRun(lesson, late.sim, reference);
    expect(rows.find((r) => r.measure === 'leadTimeMean')?.better).toBe('reference');
    expect(sentences.join(' ')).toMatch(/Your mean lead time was .+, worse than the reference run's .+\. Behind it: median wait at Approval/);
  });

  it('says so when the learner did what the reference did', () => {
    const run = referenceRun(lesson);
    const { rows, sentences } = debriefRun(lesson, run.sim);
    expect(rows.every((r) => r.yours === r.reference)).toBe(true);
    expect(sentences).toHaveLength(1);
    expect(sentences[0]).toMatch(/close together/);
  });
});
