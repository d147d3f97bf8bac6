import Link from "next/link";
import { CalendarClock, Clock, GraduationCap, ListChecks, MessageCircleQuestion, Presentation, Target, UserRound } from "lucide-react";
import { buttonClasses } from "@/components/ui/Button";
import type { Lesson } from "@/machines/lessons/types";
import { ContinueLink, LessonAction, LessonMark, ProgressNotice, type LessonRef } from "./LessonProgress";
import { ProgressTransfer } from "./ProgressTransfer";

/** "6 min", "1 h 5 min" */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${minutes / 60} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

function ref(lesson: Lesson, index: number): LessonRef {
  return { slug: lesson.slug, title: lesson.title, number: index + 1, steps: lesson.steps.map((s) => ({ id: s.id })) };
}

const section = "page-container";

/**
 * /learn: the lessons in their suggested order with their times, the learner's marks, and two ways in
 * (alone, or teaching a room). Rendered on the server from the catalog; only the marks, the links that
 * depend on progress and the export/import controls run in the browser.
 */
export function LessonIndex({ lessons }: { lessons: readonly Lesson[] }) {
  const refs = lessons.map(ref);
  const total = lessons.reduce((sum, l) => sum + l.minutes, 0);
  const count = `${lessons.length} lesson${lessons.length === 1 ? "" : "s"}`;

  return (
    <>
      <section aria-labelledby="learn-title" className={`${section} pt-6 pb-8`}>
        <h1 id="learn-title" className="flex items-center gap-3 text-4xl leading-[1.1] font-extrabold tracking-tight sm:text-5xl">
          <GraduationCap aria-hidden="true" className="size-10 shrink-0 text-status-working-ink sm:size-12" strokeWidth={2.25} />
          Lessons
        </h1>
        <p className="mt-3 max-w-5xl text-xl leading-relaxed text-pretty text-text-muted">
          {count}, about {formatMinutes(total)} in all. Each starts the simulator where its idea happens, sets a goal the simulation checks, and ends with your
          own numbers beside a reference run.
        </p>
        <ProgressNotice />

        <div className="mt-6 grid grid-cols-1 gap-5 md:grid-cols-2">
          <section aria-labelledby="alone-title" className="flex flex-col rounded-2xl border border-border bg-surface-raised p-5">
            <h2 id="alone-title" className="flex items-center gap-3 text-2xl font-bold">
              <UserRound aria-hidden="true" className="size-7 shrink-0 text-status-working-ink" strokeWidth={2.25} />
              Learning alone
            </h2>
            <p className="mt-2 text-lg leading-relaxed text-text-muted">
              Go in order from lesson 1: each builds on the one before. Progress stays in this browser;{" "}
              <a href="#progress" className="font-semibold text-accent underline underline-offset-4 hover:text-accent-hover">
                export it
              </a>{" "}
              to move it.
            </p>
            <div className="mt-auto pt-4">
              <ContinueLink lessons={refs} />
            </div>
          </section>
          <section aria-labelledby="class-title" className="flex flex-col rounded-2xl border border-border bg-surface-raised p-5">
            <h2 id="class-title" className="flex items-center gap-3 text-2xl font-bold">
              <Presentation aria-hidden="true" className="size-7 shrink-0 text-status-working-ink" strokeWidth={2.25} />
              Teaching a class
            </h2>
            <p className="mt-2 text-lg leading-relaxed text-text-muted">
              Run a lesson on the projector: it pauses at each moment that matters, so the room can predict and discuss before you play on.
            </p>
            <div className="mt-auto flex flex-wrap gap-3 pt-4">
              <Link href="/learn/facilitator" className={buttonClasses("primary", "lg")}>
                <CalendarClock aria-hidden="true" className="size-5" strokeWidth={2.5} />A 45-minute class plan
              </Link>
              <a
                href="#teaching"
                className={buttonClasses(
                  "secondary",
                  "lg",
                  "max-sm:h-auto! max-sm:min-h-12 max-sm:min-w-0 max-sm:shrink max-sm:py-3 max-sm:text-left max-sm:whitespace-normal!",
                )}
              >
                <ListChecks aria-hidden="true" className="size-5" strokeWidth={2.5} />
                Objectives, questions and times
              </a>
            </div>
          </section>
        </div>
      </section>

      <section id="lessons" aria-labelledby="lessons-title" className="below-fold border-y border-border bg-surface-raised pt-8 pb-10">
        <div className={section}>
          <h2 id="lessons-title" className="text-3xl font-extrabold tracking-tight">
            The lessons, in order
          </h2>
          <ol aria-labelledby="lessons-title" className="mt-5 grid gap-4">
            {lessons.map((lesson, index) => (
              <li
                key={lesson.slug}
                aria-labelledby={`lesson-${lesson.slug}`}
                className="grid grid-cols-[auto_1fr] gap-x-5 gap-y-4 rounded-2xl border border-border bg-surface p-5 sm:p-6 lg:grid-cols-[auto_1fr_auto] lg:items-center"
              >
                <span aria-hidden="true" className="row-span-2 text-5xl leading-none font-extrabold text-border-strong tabular-nums lg:row-span-1">
                  {index + 1}
                </span>
                <div className="min-w-0">
                  <p className="text-base font-semibold text-status-working-ink">{lesson.idea}</p>
                  <h3 id={`lesson-${lesson.slug}`} className="text-2xl leading-tight font-bold">
                    <span className="sr-only">Lesson {index + 1}: </span>
                    {lesson.title}
                  </h3>
                  <p className="mt-2 max-w-4xl text-lg leading-relaxed text-text-muted">{lesson.summary}</p>
                  <p className="mt-2 flex items-center gap-1.5 text-base font-semibold text-text">
                    <Clock aria-hidden="true" className="size-5 shrink-0" strokeWidth={2.25} />
                    {formatMinutes(lesson.minutes)}
                    <span className="font-normal text-text-muted">· {lesson.steps.length} steps</span>
                  </p>
                </div>
                <div className="flex flex-wrap items-center gap-x-5 gap-y-3 lg:flex-col lg:items-end">
                  <LessonMark lesson={refs[index]!} />
                  <LessonAction lesson={refs[index]!} />
                </div>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section id="progress" aria-labelledby="progress-title" className={`${section} below-fold py-12`}>
        <h2 id="progress-title" className="text-3xl font-extrabold tracking-tight sm:text-4xl">
          Your progress
        </h2>
        <p className="mt-3 mb-6 max-w-4xl text-xl leading-relaxed text-text-muted">
          Kept in this browser only, with your predictions. Export it to a file to keep it or to go on in another browser; importing a file replaces what this
          browser has.
        </p>
        <ProgressTransfer />
      </section>

      <section id="teaching" aria-labelledby="teaching-title" className="below-fold border-t border-border bg-surface-raised py-12">
        <div className={section}>
          <h2 id="teaching-title" className="flex items-center gap-3 text-3xl font-extrabold tracking-tight sm:text-4xl">
            <Presentation aria-hidden="true" className="size-9 shrink-0 text-status-working-ink" strokeWidth={2.25} />
            Teaching a class
          </h2>
          <p className="mt-3 max-w-4xl text-xl leading-relaxed text-text-muted">
            {lessons.length === 1 ? "One lesson" : `All ${lessons.length} lessons`}: about {formatMinutes(total)} of running, plus the talk. Each lesson pauses
            at its moments: ask the room to predict before you press Play, then let the debrief set the numbers beside the reference run.
          </p>
          <div className="mt-8 grid gap-5">
            {lessons.map((lesson, index) => (
              <section key={lesson.slug} aria-labelledby={`teach-${lesson.slug}`} className="rounded-2xl border border-border bg-surface p-5 sm:p-6">
                <h3 id={`teach-${lesson.slug}`} className="text-2xl leading-tight font-bold">
                  {index + 1}. {lesson.title}
                  <span className="ml-3 text-lg font-semibold whitespace-nowrap text-text-muted">
                    <Clock aria-hidden="true" className="mr-1 inline size-5 align-[-0.2em]" strokeWidth={2.25} />
                    {formatMinutes(lesson.minutes)}
                  </span>
                </h3>
                <div className="mt-4 grid gap-6 lg:grid-cols-2">
                  <div>
                    <h4 className="flex items-center gap-2 text-lg font-bold">
                      <Target aria-hidden="true" className="size-5 shrink-0 text-status-working-ink" strokeWidth={2.25} />
                      Objectives
                    </h4>
                    <ul className="mt-2 list-disc space-y-1.5 pl-6 text-lg leading-relaxed">
                      {lesson.objectives.map((objective) => (
                        <li key={objective}>{objective}</li>
                      ))}
                    </ul>
                  </div>
                  <div>
                    <h4 className="flex items-center gap-2 text-lg font-bold">
                      <MessageCircleQuestion aria-hidden="true" className="size-5 shrink-0 text-status-working-ink" strokeWidth={2.25} />
                      Questions for the room
                    </h4>
                    <ol className="mt-2 list-decimal space-y-1.5 pl-6 text-lg leading-relaxed">
                      {lesson.questions.map((question) => (
                        <li key={question}>{question}</li>
                      ))}
                    </ol>
                  </div>
                </div>
              </section>
            ))}
          </div>
        </div>
      </section>
    </>
  );
}
