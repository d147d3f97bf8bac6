"use client";

import { useSyncExternalStore } from "react";
import { lessonStatus, progressStore, type LessonStatus, type ProgressState } from "./progress";

/**
 * The learner's progress as React state: the browser's record after hydration (the server and the
 * first client render see an empty, not-ready record), updated when this tab or another one writes.
 */
export function useProgress(): ProgressState {
  return useSyncExternalStore(progressStore.subscribe, progressStore.getSnapshot, progressStore.getServerSnapshot);
}

/** One lesson's status (not started, n of m steps, done) and where to continue. */
export function useLessonStatus(lesson: { slug: string; steps: readonly { id: string }[] }): LessonStatus & { ready: boolean } {
  const { progress, ready } = useProgress();
  return { ...lessonStatus(lesson, progress), ready };
}
