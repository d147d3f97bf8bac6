"use client";

import { useEffect, useRef } from "react";
import { useSelector } from "@xstate/react";
import { DoraTile } from "@/components/metrics/DoraTile";
import { LessonProvider, useLesson } from "@/components/learn/LessonProvider";
import { LiveDiagram } from "@/components/simulator/LiveDiagram";
import { useLiveMetrics } from "@/components/simulator/liveMetrics";
import { useRunner } from "@/components/simulator/runnerContext";
import { lessonBySlug } from "@/machines/lessons/catalog";
import { perform } from "@/machines/lessons/replay";
import type { KeyMetric } from "@/machines/metrics/dora";
import type { Lesson } from "@/machines/lessons/types";
import { usePresentingPage } from "./usePresentingPage";

const KEYS: readonly KeyMetric[] = ["deploymentFrequency", "leadTime", "changeFailureRate", "timeToRestore"];
/** How long a met goal's outcome stays on screen before the next step, and the end before it starts again. */
const OUTCOME_MS = 4500;
const END_MS = 9000;

/** Plays the lesson by itself: predictions skipped, the reference solution's actions at their times, captions, a loop. */
function DemoStage() {
  usePresentingPage();
  const { lesson, session, state, next, restart, driver } = useLesson();
  const actor = useRunner();
  const playing = useSelector(actor, (s) => s.matches("playing"));
  const step = lesson.steps[state.step]!;

  // The reference solution, done at its virtual times as the run passes them. A live run can drift
  // from the reference (an action lands a frame late); a step that overruns its time starts the loop again.
  const done = useRef(new Set<number>());
  const stepStarted = useRef<{ step: number; at: number } | null>(null);
  useEffect(() => {
    const check = () => {
      const { step: index, phase } = session.getState();
      const now = actor.getSnapshot().context.sim.now;
      if (stepStarted.current?.step !== index) stepStarted.current = { step: index, at: now };
      if (phase !== "play") return;
      const id = lesson.steps[index]!.id;
      if (now - stepStarted.current.at > lesson.steps[index]!.goal.within * 2) {
        restart();
        return;
      }
      lesson.solution.forEach((action, i) => {
        if (action.step === id && action.at <= now && !done.current.has(i)) {
          done.current.add(i);
          perform(action, driver);
        }
      });
    };
    const subscription = actor.subscribe(check);
    return () => subscription.unsubscribe();
  }, [actor, session, lesson, driver, restart]);

  useEffect(() => {
    if (state.finished) {
      const timer = window.setTimeout(restart, END_MS);
      return () => window.clearTimeout(timer);
    }
    if (state.phase === "predict") session.answer(null);
    else if (state.phase === "met") {
      const timer = window.setTimeout(next, OUTCOME_MS);
      return () => window.clearTimeout(timer);
    } else if (!playing) {
      // Paused at a moment inside the step: a beat to see it, then on.
      const timer = window.setTimeout(() => actor.send({ type: "run.play" }), 1200);
      return () => window.clearTimeout(timer);
    }
  }, [state.phase, state.finished, state.step, playing, session, next, restart, actor]);

  const metrics = useLiveMetrics(1000);
  const caption = state.finished ? lesson.debrief.takeaway : state.phase === "met" ? step.outcome : step.instruction;
  return (
    <div className="fixed inset-0 z-40 flex flex-col gap-3 overflow-auto bg-surface px-5 pt-3 pb-4" role="region" aria-label="Demo">
      <h1 className="text-2xl font-bold text-text">
        {lesson.title} <span className="font-normal text-text-muted">· demo, playing by itself</span>
      </h1>
      <div className="rounded-xl border-2 border-accent bg-surface-raised px-5 py-3" aria-live="polite" data-testid="demo-caption">
        <p className="text-base font-semibold text-text-muted">
          {state.finished ? "The point" : `Step ${state.step + 1} of ${lesson.steps.length}: ${step.title}`}
        </p>
        <p className="text-2xl leading-snug font-semibold text-text">{caption}</p>
      </div>
      <LiveDiagram className="min-h-[16rem] flex-1" />
      <section aria-label="DORA four keys" className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        {KEYS.map((metric) => (
          <DoraTile key={metric} metric={metric} metrics={metrics} size="regular" />
        ))}
      </section>
    </div>
  );
}

export function DemoLoop({ lesson }: { lesson: Lesson }) {
  return (
    <LessonProvider lesson={lesson} stepParam={null}>
      <DemoStage />
    </LessonProvider>
  );
}

/** The demo of the lesson `slug` (one the outline knows): what DemoGate loads on demand. */
export function DemoLoopBySlug({ slug }: { slug: string }) {
  const lesson = lessonBySlug(slug);
  return lesson ? <DemoLoop lesson={lesson} /> : null;
}
