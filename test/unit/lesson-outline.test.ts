import { describe, expect, it } from 'vitest';
import { LESSONS } from '@/machines/lessons/catalog';
import { LESSON_OUTLINE } from '@/machines/lessons/outline';

describe('the lessons outline', () => {
  it('has every lesson of the catalog, in order, with the same title and step ids', () => {
    expect(LESSON_OUTLINE).toEqual(LESSONS.map((l) => ({ slug: l.slug, title: l.title, steps: l.steps.map((s) => ({ id: s.id })) })));
  });
});
