import type { Lesson } from '../types';
import { anatomy } from './anatomy';
import { continuousDelivery } from './continuousDelivery';
import { continuousDeployment } from './continuousDeployment';
import { continuousIntegration } from './continuousIntegration';
import { devAndOps } from './devAndOps';
import { infrastructureAsCode } from './infrastructureAsCode';
import { monitoringFeedback } from './monitoringFeedback';
import { quarterlyRelease } from './quarterlyRelease';
import { releaseCadence } from './releaseCadence';

/** The lessons in their suggested order: each builds on the ones before. */
export const LESSONS: readonly Lesson[] = [
  anatomy,
  continuousIntegration,
  quarterlyRelease,
  continuousDelivery,
  continuousDeployment,
  releaseCadence,
  monitoringFeedback,
  devAndOps,
  infrastructureAsCode,
];

export function lessonBySlug(slug: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.slug === slug);
}
