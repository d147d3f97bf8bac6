import { BookOpen, CirclePause, Clock, MessageCircleQuestion, MonitorPlay, Pointer, ScrollText } from "lucide-react";
import type { ReactNode } from "react";
import { BAND_NAMES } from "@/machines/metrics/dora";
import { MODE_INFO } from "@/machines/world/modes";
import { classClock, type CloseSegment, type GuideSegment, type LessonSegment } from "./plan";

const link = "font-semibold text-accent underline underline-offset-4 hover:text-accent-hover";

export function timeRange(segment: GuideSegment): string {
  return `${classClock(segment.start)}–${classClock(segment.end)}`;
}

export function segmentAnchor(segment: GuideSegment): string {
  return `segment-${segment.id}`;
}

/** "8 s", "2 min", "6 min": real time of play at the lesson's speed; past a minute, a nudge to speed up. */
function playTime(seconds: number): string {
  if (seconds < 60) return `after about ${Math.max(1, Math.round(seconds))} s of play`;
  const time = seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
  return `after about ${time} of play: turn the speed up`;
}

function Label({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <dt className="flex items-center gap-2 text-base font-bold tracking-wide text-text-muted uppercase">
      {icon}
      {children}
    </dt>
  );
}

const iconClass = "size-5 shrink-0 text-status-working-ink";

/** The three things to do in a segment: stop, ask, point. */
function Cues({ segment, stopAt }: { segment: GuideSegment; stopAt: string | null }) {
  return (
    <dl className="mt-4 grid gap-4 lg:grid-cols-3 print:grid-cols-3">
      {stopAt && (
        <div className="rounded-xl bg-surface-sunken p-4">
          <Label icon={<CirclePause aria-hidden="true" className={iconClass} strokeWidth={2.25} />}>Stop at</Label>
          <dd className="mt-1 text-lg leading-relaxed">{stopAt}</dd>
        </div>
      )}
      <div className="rounded-xl bg-surface-sunken p-4">
        <Label icon={<MessageCircleQuestion aria-hidden="true" className={iconClass} strokeWidth={2.25} />}>Ask the room</Label>
        <dd className="mt-1 text-lg leading-relaxed">{segment.ask}</dd>
      </div>
      {segment.pointAt && (
        <div className="rounded-xl bg-surface-sunken p-4">
          <Label icon={<Pointer aria-hidden="true" className={iconClass} strokeWidth={2.25} />}>Point at</Label>
          <dd className="mt-1">
            <span className={`block leading-tight font-extrabold tabular-nums ${segment.pointAt.value.length > 14 ? "text-2xl" : "text-3xl"}`} data-number>
              {segment.pointAt.value}
            </span>
            <span className="text-base text-text-muted">{segment.pointAt.label}</span>
          </dd>
        </div>
      )}
    </dl>
  );
}

function Links({ segment }: { segment: GuideSegment }) {
  const lesson = segment.kind === "lesson" ? segment.lesson : null;
  if (!lesson && !segment.projector) return null;
  return (
    <p className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-lg">
      {lesson && (
        <a href={lesson.href} aria-label={`Open the lesson: ${lesson.title}`} className={`${link} inline-flex items-center gap-1.5 pointer-coarse:min-h-11`}>
          <BookOpen aria-hidden="true" className="size-5" strokeWidth={2.25} />
          Open the lesson
        </a>
      )}
      {segment.projector && (
        <a href={segment.projector.href} className={`${link} inline-flex items-center gap-1.5 pointer-coarse:min-h-11`}>
          <MonitorPlay aria-hidden="true" className="size-5" strokeWidth={2.25} />
          {segment.projector.label}
        </a>
      )}
      {lesson && segment.projector && (
        <span className="basis-full text-base text-text-muted">
          The presenter-mode run starts where the lesson does ({lesson.startsAt}), with the same team and commits: PageDown goes from moment to moment, and
          nothing checks goals there.
        </span>
      )}
    </p>
  );
}

function LessonDetails({ segment }: { segment: LessonSegment }) {
  const titleId = `${segmentAnchor(segment)}-moments`;
  return (
    <>
      <h4 id={titleId} className="mt-6 text-xl font-bold">
        Where the lesson pauses, and what the room will see
      </h4>
      <p className="mt-1 text-base text-text-muted">
        {MODE_INFO[segment.mode].name}, seed {segment.seed}, from {segment.lesson.startsAt}, at {segment.lesson.speed} simulated minutes a second: play times
        are at that speed.
      </p>
      <div className="mt-3 overflow-x-auto">
        <table aria-labelledby={titleId} className="w-full border-collapse text-left text-lg">
          <thead>
            <tr className="border-b-2 border-border-strong">
              <th scope="col" className="py-2 pr-4 font-bold">
                Step
              </th>
              <th scope="col" className="py-2 pr-4 font-bold">
                Pauses when
              </th>
              <th scope="col" className="py-2 pr-4 font-bold">
                Prediction
              </th>
              <th scope="col" className="py-2 font-bold">
                Answer
              </th>
            </tr>
          </thead>
          <tbody>
            {segment.moments.map((moment, index) => (
              <tr key={moment.stepId} className={`border-b border-border align-top ${moment.focus ? "bg-surface-sunken" : ""}`}>
                <th scope="row" className="py-2 pr-4 font-semibold">
                  {index + 1}. {moment.title}
                  {moment.focus && <span className="ml-2 text-base font-bold text-status-working-ink">(the one to discuss)</span>}
                </th>
                <td className="py-2 pr-4">
                  {moment.alsoPausesWhen.length > 0 && <span className="block">First when {moment.alsoPausesWhen.join(", ")}; then:</span>}
                  {moment.stopAt}
                  <span className="block text-base text-text-muted">
                    {moment.metAt} · {playTime(moment.playSeconds)}
                  </span>
                </td>
                <td className="py-2 pr-4">{moment.question ?? <span className="text-text-muted">none</span>}</td>
                <td className={`py-2 font-bold tabular-nums ${(moment.answer?.length ?? 0) <= 14 ? "whitespace-nowrap" : ""}`}>
                  {moment.answer ?? <span className="font-normal text-text-muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-6 grid gap-6 lg:grid-cols-2 print:grid-cols-2">
        <div>
          <h4 className="flex items-center gap-2 text-xl font-bold">
            <ScrollText aria-hidden="true" className={iconClass} strokeWidth={2.25} />
            What the debrief shows
          </h4>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-lg">
            {segment.debrief.rows.map((row) => (
              <div key={row.label} className="contents">
                <dt className="first-letter:uppercase">{row.label}</dt>
                <dd className="text-right font-bold whitespace-nowrap tabular-nums">{row.value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-3 text-lg leading-relaxed">{segment.debrief.takeaway}</p>
        </div>
        <div>
          <h4 className="flex items-center gap-2 text-xl font-bold">
            <MessageCircleQuestion aria-hidden="true" className={iconClass} strokeWidth={2.25} />
            After the debrief, if there is time
          </h4>
          <ul className="mt-2 list-disc space-y-1.5 pl-6 text-lg leading-relaxed">
            {segment.discuss.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
        </div>
      </div>
    </>
  );
}

function CloseDetails({ segment }: { segment: CloseSegment }) {
  const titleId = `${segmentAnchor(segment)}-keys`;
  const keys = Object.keys(segment.keyTitles) as (keyof CloseSegment["keyTitles"])[];
  return (
    <>
      <h4 id={titleId} className="mt-6 text-xl font-bold">
        The four keys over {segment.days} days, seed {segment.seed}
      </h4>
      <div className="mt-3 overflow-x-auto">
        <table aria-labelledby={titleId} className="w-full border-collapse text-left text-lg">
          <thead>
            <tr className="border-b-2 border-border-strong">
              <th scope="col" className="py-2 pr-4 font-bold">
                Mode
              </th>
              {keys.map((key) => (
                <th key={key} scope="col" className="py-2 pr-4 font-bold">
                  {segment.keyTitles[key]}
                </th>
              ))}
              <th scope="col" className="py-2 font-bold">
                Mean batch
              </th>
            </tr>
          </thead>
          <tbody>
            {segment.rows.map((row) => (
              <tr key={row.mode} className="border-b border-border align-top">
                <th scope="row" className="py-2 pr-4 font-semibold">
                  {row.name}
                </th>
                {keys.map((key) => (
                  <td key={key} className="py-2 pr-4">
                    <span className="font-bold tabular-nums">{row.keys[key].value}</span>
                    <span className="block text-base text-text-muted">{row.keys[key].band}</span>
                  </td>
                ))}
                <td className="py-2 font-bold whitespace-nowrap tabular-nums">{row.meanBatch}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="mt-2 text-base text-text-muted">Bands: DORA 2024 ({Object.values(BAND_NAMES).join(", ")}).</p>
    </>
  );
}

/** One segment of the class: its time, why it is in the plan, the cues and what the room will see. */
export function SegmentCard({ segment }: { segment: GuideSegment }) {
  const id = segmentAnchor(segment);
  const minutes = segment.end - segment.start;
  return (
    <section id={id} aria-labelledby={`${id}-title`} data-segment className="rounded-2xl border border-border bg-surface-raised p-5 sm:p-6">
      <h3 id={`${id}-title`} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-2xl leading-tight font-bold">
        <span className="text-3xl font-extrabold text-status-working-ink tabular-nums" data-clock>
          {timeRange(segment)}
        </span>
        <span>{segment.title}</span>
        <span className="text-lg font-semibold whitespace-nowrap text-text-muted">
          <Clock aria-hidden="true" className="mr-1 inline size-5 align-[-0.2em]" strokeWidth={2.25} />
          {minutes} min
        </span>
      </h3>
      <p className="mt-2 max-w-5xl text-lg leading-relaxed text-text-muted">{segment.why}</p>
      {segment.kind !== "lesson" && <p className="mt-2 max-w-5xl text-lg leading-relaxed">{segment.say}</p>}
      <Links segment={segment} />
      <Cues segment={segment} stopAt={segment.kind === "lesson" ? segment.stopAt : null} />
      {segment.kind === "lesson" && <LessonDetails segment={segment} />}
      {segment.kind === "close" && <CloseDetails segment={segment} />}
    </section>
  );
}
