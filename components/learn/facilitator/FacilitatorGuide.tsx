import { ArrowLeft, CalendarClock, Clock, Presentation, Puzzle } from "lucide-react";
import Link from "next/link";
import { formatMinutes } from "@/components/learn/LessonIndex";
import { classClock, CLASS_MINUTES, type FacilitatorPlan } from "./plan";
import { PrintButton } from "./PrintButton";
import { SegmentCard, segmentAnchor, timeRange } from "./SegmentCard";
import "./facilitator.css";

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight"];

const link = "font-semibold text-accent underline underline-offset-4 hover:text-accent-hover";
/** A link on a line of its own (the plan, the extensions): a 44 px target on a touch screen. */
const TOUCH_LINK = "pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center";

/**
 * /learn/facilitator: a 45-minute class built from the lessons. Rendered once, at build time, from a
 * plan whose numbers come from the engine (see plan.ts); prints as a handout without the site's chrome.
 */
export function FacilitatorGuide({ plan }: { plan: FacilitatorPlan }) {
  const lessons = plan.segments.filter((s) => s.kind === "lesson").length;
  return (
    <div data-facilitator-guide className="pb-12">
      <section aria-labelledby="guide-title" className="page-container pt-6 pb-8">
        <p data-print="hide" className="mb-3">
          <Link href="/learn" className={`${link} inline-flex items-center gap-1.5 text-lg pointer-coarse:min-h-11`}>
            <ArrowLeft aria-hidden="true" className="size-5" strokeWidth={2.5} />
            All lessons
          </Link>
        </p>
        <h1 id="guide-title" className="flex items-center gap-3 text-4xl leading-[1.1] font-extrabold tracking-tight sm:text-5xl">
          <Presentation aria-hidden="true" className="size-10 shrink-0 text-status-working-ink sm:size-12" strokeWidth={2.25} />
          Facilitator guide: a {CLASS_MINUTES}-minute class
        </h1>
        <p className="mt-3 max-w-5xl text-xl leading-relaxed text-pretty text-text-muted">
          The eight lessons take about {formatMinutes(plan.allLessonsMinutes)}: more than one class can hold. This plan runs {NUMBER_WORDS[lessons] ?? lessons}{" "}
          of them on the projector, between an opening and a close, in {formatMinutes(plan.total)}; the others are{" "}
          <a href="#extensions" className={link}>
            extensions
          </a>
          . Every number below is what the simulator shows with the lesson&rsquo;s own seed: the guide replays each lesson&rsquo;s reference run when the page
          is built, so the room will see the same.
        </p>
        <div data-print="hide" className="mt-5 flex flex-wrap items-center gap-4">
          <PrintButton />
          <p className="text-base text-text-muted">Prints as a handout: one segment to a block, links with their addresses.</p>
        </div>
      </section>

      <section aria-labelledby="timetable-title" className="page-container">
        <h2 id="timetable-title" className="flex items-center gap-3 text-3xl font-extrabold tracking-tight">
          <CalendarClock aria-hidden="true" className="size-8 shrink-0 text-status-working-ink" strokeWidth={2.25} />
          The plan at a glance
        </h2>
        <div className="mt-4 overflow-x-auto rounded-2xl border border-border bg-surface-raised">
          <table className="w-full border-collapse text-left text-lg">
            <caption className="sr-only">The {CLASS_MINUTES}-minute plan: time, segment, the question for the room and the number to point at</caption>
            <thead>
              <tr className="border-b border-border">
                <th scope="col" className="px-4 py-3 font-bold whitespace-nowrap">
                  Time
                </th>
                <th scope="col" className="px-4 py-3 font-bold">
                  Segment
                </th>
                <th scope="col" className="px-4 py-3 font-bold">
                  Ask the room
                </th>
                <th scope="col" className="px-4 py-3 font-bold">
                  Point at
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.segments.map((segment) => (
                <tr key={segment.id} className="border-b border-border align-top last:border-b-0">
                  <td className="px-4 py-3 font-bold whitespace-nowrap tabular-nums">{timeRange(segment)}</td>
                  <th scope="row" className="px-4 py-3 font-semibold">
                    <a href={`#${segmentAnchor(segment)}`} className={`${link} ${TOUCH_LINK}`}>
                      {segment.title}
                    </a>
                  </th>
                  <td className="px-4 py-3">{segment.ask}</td>
                  <td className="px-4 py-3 font-semibold">
                    {segment.pointAt ? segment.pointAt.value : <span className="font-normal text-text-muted">their own answers</span>}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-border-strong">
                <td className="px-4 py-3 font-bold whitespace-nowrap tabular-nums">{classClock(plan.total)}</td>
                <th scope="row" colSpan={3} className="px-4 py-3 text-left font-bold">
                  <Clock aria-hidden="true" className="mr-1.5 inline size-5 align-[-0.2em]" strokeWidth={2.25} />
                  Total: {formatMinutes(plan.total)} of {CLASS_MINUTES}
                </th>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <h2 id="segments-title" className="page-container mt-10 text-3xl font-extrabold tracking-tight">
        Segment by segment
      </h2>
      <ol aria-labelledby="segments-title" className="page-container mt-4 grid grid-cols-1 gap-6">
        {plan.segments.map((segment) => (
          <li key={segment.id}>
            <SegmentCard segment={segment} />
          </li>
        ))}
      </ol>

      <section id="extensions" aria-labelledby="extensions-title" className="page-container mt-10" data-print="keep">
        <h2 id="extensions-title" className="flex items-center gap-3 text-3xl font-extrabold tracking-tight">
          <Puzzle aria-hidden="true" className="size-8 shrink-0 text-status-working-ink" strokeWidth={2.25} />
          Optional extensions
        </h2>
        <p className="mt-2 max-w-4xl text-lg leading-relaxed text-text-muted">
          The lessons this plan leaves out, {formatMinutes(plan.extensions.reduce((sum, e) => sum + e.minutes, 0))} in all: for a longer class, a second session
          or homework.
        </p>
        <ul className="mt-4 grid gap-4 md:grid-cols-2 print:grid-cols-2">
          {plan.extensions.map((extension) => (
            <li key={extension.slug} className="rounded-2xl border border-border bg-surface-raised p-5" data-segment>
              <h3 className="text-xl leading-tight font-bold">
                <a href={extension.href} className={`${link} ${TOUCH_LINK}`}>
                  {extension.title}
                </a>
                <span className="ml-3 text-lg font-semibold whitespace-nowrap text-text-muted">
                  <Clock aria-hidden="true" className="mr-1 inline size-5 align-[-0.2em]" strokeWidth={2.25} />
                  {formatMinutes(extension.minutes)}
                </span>
              </h3>
              <p className="mt-2 text-lg leading-relaxed">{extension.why}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
