"use client";

import Link from "next/link";
import { ArrowRight, Play, RotateCcw, TriangleAlert, X } from "lucide-react";
import { STATUS } from "@/components/site/status";
import { buttonClasses } from "@/components/ui/Button";
import { dismissProgressNotice, lessonStatus, type LessonStatus } from "@/lib/learn/progress";
import { useLessonStatus, useProgress } from "@/lib/learn/useProgress";

/** What the index needs of a lesson in the browser: no more than its address, title and step ids. */
export interface LessonRef {
  slug: string;
  title: string;
  number: number;
  steps: { id: string }[];
}

const MARK = {
  "not-started": { style: STATUS.idle, word: () => "Not started" },
  started: { style: STATUS.working, word: (s: LessonStatus) => `${s.met} of ${s.total} steps` },
  done: { style: STATUS.succeeded, word: () => "Done" },
} as const;

/** Icon and word for a lesson's progress; colour repeats them, never replaces them. */
export function LessonMark({ lesson }: { lesson: LessonRef }) {
  const status = useLessonStatus(lesson);
  const { style, word } = MARK[status.kind];
  const Icon = style.Icon;
  return (
    <p
      data-progress={status.ready ? status.kind : "loading"}
      className={`flex items-center gap-2 text-lg font-semibold ${style.ink} ${status.ready ? "" : "invisible"}`}
    >
      <Icon aria-hidden="true" className="size-6 shrink-0" strokeWidth={2.5} />
      <span>
        <span className="sr-only">Progress: </span>
        {word(status)}
      </span>
    </p>
  );
}

/** Start, Continue (at the first step not met) or Review. */
export function LessonAction({ lesson }: { lesson: LessonRef }) {
  const status = useLessonStatus(lesson);
  const base = `/learn/${lesson.slug}`;
  const { label, href, variant, Icon } =
    status.kind === "done"
      ? { label: "Review", href: base, variant: "secondary" as const, Icon: RotateCcw }
      : status.kind === "started"
        ? { label: "Continue", href: `${base}?step=${status.nextStep}`, variant: "primary" as const, Icon: ArrowRight }
        : { label: "Start", href: base, variant: "primary" as const, Icon: Play };
  return (
    <Link href={href} className={buttonClasses(variant, "md", "min-w-36")}>
      <Icon aria-hidden="true" className="size-5" strokeWidth={2.5} />
      {label}
      <span className="sr-only">
        {" "}
        lesson {lesson.number}: {lesson.title}
      </span>
    </Link>
  );
}

/** For a learner alone: the first lesson not done, started where they left it. */
export function ContinueLink({ lessons }: { lessons: LessonRef[] }) {
  const { progress, ready } = useProgress();
  const next = ready ? lessons.find((l) => lessonStatus(l, progress).kind !== "done") : lessons[0];
  const className = buttonClasses("primary", "lg", "h-auto! min-h-12 py-3 text-left whitespace-normal!");
  if (!next) {
    return (
      <a href="#lessons" className={className}>
        <RotateCcw aria-hidden="true" className="size-5" strokeWidth={2.5} />
        All done: review a lesson
      </a>
    );
  }
  const status = lessonStatus(next, progress);
  const started = ready && status.kind === "started";
  return (
    <Link href={started ? `/learn/${next.slug}?step=${status.nextStep}` : `/learn/${next.slug}`} className={className}>
      <Play aria-hidden="true" className="size-5" strokeWidth={2.5} />
      {started ? "Continue" : "Start"} lesson {next.number}: {next.title}
    </Link>
  );
}

/** What the learner should know about their saved progress (set aside, or not saved at all). */
export function ProgressNotice() {
  const { notice } = useProgress();
  if (!notice) return null;
  return (
    <div role="status" className="mt-6 flex items-start gap-3 rounded-xl border-2 border-status-waiting bg-surface-raised p-4 text-lg text-text">
      <TriangleAlert aria-hidden="true" className="mt-1 size-6 shrink-0 text-status-waiting-ink" />
      <p className="min-w-0 flex-1">{notice}</p>
      <button
        type="button"
        onClick={dismissProgressNotice}
        className="rounded-md p-1 text-text-muted hover:bg-surface-sunken hover:text-text"
        aria-label="Dismiss the notice"
      >
        <X aria-hidden="true" className="size-5" />
      </button>
    </div>
  );
}
