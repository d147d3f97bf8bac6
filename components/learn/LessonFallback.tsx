import { Target } from "lucide-react";
import type { Lesson } from "@/machines/lessons/types";
import { WORKSPACE_CONTAINER } from "@/components/simulator/layoutClasses";
import { LessonBreadcrumb } from "./LessonBreadcrumb";

/**
 * What the server sends for /learn/<lesson> until the script that runs the lesson has loaded
 * (seconds on a phone): the lesson's header and the step the address asks for, in the places the
 * live lesson puts them, so a learner can start reading at once and the page's largest paint (the
 * step's instruction) comes with the HTML (issue 13: it came 6 s into a phone's load).
 *
 * A screen tall, as the lesson is, so the footer does not show and then jump away when the lesson
 * comes (CLS 0.305 on a phone).
 */
export function LessonFallback({ lesson, number, step }: { lesson: Lesson; number: number; step: number }) {
  const current = lesson.steps[step]!;
  return (
    <div className={`${WORKSPACE_CONTAINER} flex min-h-dvh flex-col gap-2 pt-1`} aria-busy="true">
      <div className="flex min-h-12 flex-wrap items-center gap-x-4 gap-y-1">
        <LessonBreadcrumb number={number} title={lesson.title} />
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(21rem,25rem)_minmax(0,1fr)]">
        <aside aria-label="Lesson" className="flex flex-col gap-3 rounded-xl border border-border bg-surface-raised p-4 shadow-sm">
          <section aria-labelledby="step-title" className="flex flex-col gap-3">
            <p className="text-base font-semibold text-text-muted">
              Step {step + 1} of {lesson.steps.length}
            </p>
            <h2 id="step-title" className="text-2xl leading-tight font-bold text-text">
              {current.title}
            </h2>
            <p className="text-lg leading-snug text-text">{current.instruction}</p>
            <p className="flex items-start gap-2 rounded-lg border-2 border-border-strong bg-surface-raised p-3 text-lg font-semibold text-text">
              <Target aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-accent" strokeWidth={2.5} />
              <span>
                <span className="sr-only">Goal: </span>
                {current.goal.text}
              </span>
            </p>
          </section>
          <p role="status" className="text-base text-text-muted">
            Loading the lesson and its live pipeline…
          </p>
          <noscript>
            <p className="text-lg text-text">The lessons run in your browser: please turn on JavaScript.</p>
          </noscript>
        </aside>
        <div className="flex min-w-0 flex-col gap-2">
          <div className="h-11 rounded-lg bg-surface-sunken" />
          <div className="h-[clamp(15rem,calc(100dvh-31rem),24rem)] rounded-2xl border-2 border-dashed border-border bg-surface-sunken/50 max-sm:h-[291px]" />
        </div>
      </div>
    </div>
  );
}
