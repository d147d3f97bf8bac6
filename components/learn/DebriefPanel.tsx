"use client";

import { useEffect, useMemo, useRef } from "react";
import Link from "next/link";
import { ArrowRight, CircleCheck, CircleMinus, CircleX, RotateCcw } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/Button";
import { debriefRun, type DebriefRow } from "@/machines/lessons/debrief";
import { formatTime } from "@/machines/sim/calendar";
import { useRunner } from "@/components/simulator/runnerContext";
import { useLesson } from "./LessonProvider";

const BETTER: Record<NonNullable<DebriefRow["better"]>, { word: string; Icon: typeof CircleCheck; className: string }> = {
  yours: { word: "yours better", Icon: CircleCheck, className: "text-status-succeeded-ink" },
  reference: { word: "reference better", Icon: CircleX, className: "text-status-failed-ink" },
  same: { word: "about the same", Icon: CircleMinus, className: "text-text-muted" },
};

/** The lesson after this one, as the page names it. */
export interface NextLesson {
  slug: string;
  title: string;
}

/** The end of a lesson: the learner's numbers beside the reference run's, what differed and why, the point. */
export function DebriefPanel({ next }: { next: NextLesson | null }) {
  const { lesson, state, restart } = useLesson();
  const actor = useRunner();
  // Measured once, when the learner opens it: the run is paused at its last moment.
  const result = useMemo(() => (state.finished ? debriefRun(lesson, actor.getSnapshot().context.sim) : null), [state.finished, lesson, actor]);
  const predictions = lesson.steps.filter((s) => s.prediction && state.reveals[s.id]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The debrief replaces the step the keyboard was on: take it to the debrief's title.
  useEffect(() => headingRef.current?.focus(), []);
  if (!result) return null;

  return (
    <section aria-labelledby="debrief-title" className="flex flex-col gap-4" data-testid="lesson-debrief">
      <h2 id="debrief-title" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-text outline-none">
        Debrief
      </h2>
      <table className="w-full text-left text-base">
        <caption className="mb-1 text-left text-base text-text-muted">
          Your run (to {formatTime(result.learnerEnd)}) beside the reference run (to {formatTime(result.referenceEnd)})
        </caption>
        <thead>
          <tr className="border-b border-border text-text-muted">
            <th scope="col" className="py-1.5 pr-2 font-semibold">
              Measure
            </th>
            <th scope="col" className="py-1.5 pr-2 font-semibold">
              You
            </th>
            <th scope="col" className="py-1.5 font-semibold">
              Reference
            </th>
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row) => {
            const mark = row.better ? BETTER[row.better] : null;
            return (
              <tr key={row.measure} className="border-b border-border align-top">
                <th scope="row" className="py-1.5 pr-2 font-normal text-text">
                  {row.label}
                  {mark && (
                    <span className={`mt-0.5 flex items-center gap-1 text-sm font-semibold ${mark.className}`}>
                      <mark.Icon aria-hidden="true" className="size-4" strokeWidth={2.5} />
                      {mark.word}
                    </span>
                  )}
                </th>
                <td className="py-1.5 pr-2 font-bold text-text tabular-nums">{row.yours}</td>
                <td className="py-1.5 text-text tabular-nums">{row.reference}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="flex flex-col gap-2 text-lg leading-snug text-text">
        {result.sentences.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      {predictions.length > 0 && (
        <p className="text-base text-text-muted">
          Your predictions: {predictions.length} asked, {predictions.filter((s) => state.reveals[s.id]!.guess !== null).length} answered. The reveals stay in
          each step.
        </p>
      )}
      <p className="rounded-lg border-l-4 border-accent bg-surface-sunken p-3 text-lg font-semibold text-text">{lesson.debrief.takeaway}</p>
      <div className="flex flex-wrap gap-2">
        {next ? (
          <Link href={`/learn/${next.slug}`} className={buttonClasses("primary", "md")}>
            Next lesson: {next.title}
            <ArrowRight aria-hidden="true" className="size-5" strokeWidth={2.5} />
          </Link>
        ) : (
          <Link href="/learn" className={buttonClasses("primary", "md")}>
            All lessons
          </Link>
        )}
        <Button onClick={restart}>
          <RotateCcw aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Start again
        </Button>
      </div>
      <p className="text-base text-text-muted">The run is yours now: play on, inject failures, and watch what changes.</p>
    </section>
  );
}
