import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonPlayer } from "@/components/learn/LessonPlayer";
import { BrowserSuspense } from "@/components/ui/BrowserOnly";
import { LESSONS, lessonBySlug } from "@/machines/lessons/catalog";
import { WORKSPACE_CONTAINER } from "@/components/simulator/layoutClasses";

export const dynamicParams = false;

export function generateStaticParams() {
  return LESSONS.map((lesson) => ({ slug: lesson.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const lesson = lessonBySlug((await params).slug);
  return lesson ? { title: `${lesson.title} · Lesson`, description: lesson.summary } : {};
}

/**
 * /learn/<lesson>: a lesson beside the live run it drives. The run lives in the browser; until the
 * script has loaded, the frame says what is coming; BrowserSuspense keeps the run out of the server,
 * which renders the page per request for its CSP nonce. The frame is a screen tall, as the lesson is,
 * so the footer does not show and then jump away when the lesson comes (CLS 0.305 on a phone).
 */
export default async function LessonPage({ params }: { params: Promise<{ slug: string }> }) {
  const lesson = lessonBySlug((await params).slug);
  if (!lesson) notFound();
  return (
    <BrowserSuspense
      fallback={
        <div className={`${WORKSPACE_CONTAINER} flex min-h-dvh flex-col gap-2 pt-3`} aria-busy="true">
          <h1 className="text-2xl font-bold text-text">{lesson.title}</h1>
          <p className="text-lg text-text-muted">Loading the lesson and its live pipeline…</p>
          <noscript>
            <p className="text-lg">The lessons run in your browser: please turn on JavaScript.</p>
          </noscript>
        </div>
      }
    >
      <LessonPlayer lesson={lesson} />
    </BrowserSuspense>
  );
}
