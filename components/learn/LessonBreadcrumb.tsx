import Link from "next/link";
import { ChevronRight } from "lucide-react";

/** "Lessons › 3. The quarterly release": the lesson page's heading, live and in the server's frame. */
export function LessonBreadcrumb({ number, title }: { number: number; title: string }) {
  return (
    <nav aria-label="Breadcrumb" className="flex min-w-0 items-center gap-1.5 text-lg">
      <Link
        href="/learn"
        className="font-semibold text-accent underline underline-offset-4 hover:text-accent-hover pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center"
      >
        Lessons
      </Link>
      <ChevronRight aria-hidden="true" className="size-4 text-text-muted" />
      <h1 className="truncate font-bold text-text">
        {number}. {title}
      </h1>
    </nav>
  );
}
