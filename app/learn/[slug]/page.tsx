import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonPlayer } from "@/components/learn/LessonPlayer";
import { BrowserSuspense } from "@/components/ui/BrowserOnly";
import { LESSONS, lessonBySlug } from "@/machines/lessons/catalog";
import { LessonFallback } from "@/components/learn/LessonFallback";
import { readStepParam } from "@/machines/lessons/stepParam";
import { searchParamsOf, type PageSearchParams } from "@/lib/url/query";

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
 * script has loaded, the server's HTML shows the lesson's step (LessonFallback); BrowserSuspense
 * keeps the run out of the server, which renders the page per request for its CSP nonce.
 */
export default async function LessonPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<PageSearchParams> }) {
  const lesson = lessonBySlug((await params).slug);
  if (!lesson) notFound();
  // The step the address asks for, read as the lesson will read it (a bad value starts at step 1).
  const { step } = readStepParam(searchParamsOf(await searchParams).get("step"), lesson);
  const number = LESSONS.findIndex((l) => l.slug === lesson.slug) + 1;
  const after = LESSONS[number];
  const next = after ? { slug: after.slug, title: after.title } : null;
  return (
    <BrowserSuspense fallback={<LessonFallback lesson={lesson} number={number} step={step} />}>
      <LessonPlayer lesson={lesson} number={number} next={next} />
    </BrowserSuspense>
  );
}
