"use client";

import { lazy, Suspense, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { TriangleAlert } from "lucide-react";
import { LESSON_OUTLINE } from "@/machines/lessons/outline";

// The lessons, their checks and the demo's player load only for `?demo=`: /simulator's first load
// does not carry every lesson's text (issue 13).
const DemoLoopBySlug = lazy(() => import("./DemoLoop").then((module) => ({ default: module.DemoLoopBySlug })));

/** `?demo=<lesson>` on /simulator: the lesson's demo loop in place of the workspace; an unknown lesson is named. */
export function DemoGate({ children }: { children: ReactNode }) {
  const params = useSearchParams();
  const slug = params.get("demo");
  if (slug === null) return children;
  if (LESSON_OUTLINE.some((lesson) => lesson.slug === slug)) {
    return (
      <Suspense fallback={<p className="text-lg text-text-muted">Loading the demo…</p>}>
        <DemoLoopBySlug slug={slug} />
      </Suspense>
    );
  }
  return (
    <>
      <p role="status" className="flex items-start gap-2 rounded-xl border-2 border-status-waiting bg-surface-raised px-4 py-2.5 text-base text-text">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-status-waiting-ink" strokeWidth={2.5} />
        <span>
          <code className="font-semibold">demo</code>: there is no lesson called “{slug.slice(0, 40)}”; the lessons are{" "}
          {LESSON_OUTLINE.map((l) => l.slug).join(", ")}. Showing the simulator instead.
        </span>
      </p>
      {children}
    </>
  );
}
