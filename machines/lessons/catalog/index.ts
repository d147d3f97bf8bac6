import type { Lesson } from '../types';
import { anatomy } from './anatomy';
import { continuousIntegration } from './continuousIntegration';

/** The lessons in their suggested order: each builds on the ones before. */
export const LESSONS: readonly Lesson[] = [anatomy, continuousIntegration];

export function lessonBySlug(slug: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.slug === slug);
}
