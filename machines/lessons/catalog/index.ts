import type { Lesson } from '../types';
import { anatomy } from './anatomy';
import { quarterlyRelease } from './quarterlyRelease';
import { releaseCadence } from './releaseCadence';

/** The lessons in their suggested order: each builds on the ones before. */
export const LESSONS: readonly Lesson[] = [anatomy, quarterlyRelease, releaseCadence];

export function lessonBySlug(slug: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.slug === slug);
}
