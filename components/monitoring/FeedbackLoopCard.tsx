import { ClipboardList, FlaskConical, Repeat, Timer } from "lucide-react";
import Link from "next/link";
import { useId } from "react";
import type { FeedbackLoop } from "@/machines/view/incidentView";
import { formatTime } from "@/machines/sim/calendar";
import { Card, Chip, Metric } from "./ui";

/**
 * The feedback loop: in DevOps culture each restored incident leads to a blameless postmortem whose
 * action improves the pipeline (test coverage on the Test stage, a faster alarm); in silos an
 * incident report blames a person and nothing changes.
 */
export function FeedbackLoopCard({ loop, teamHref }: { loop: FeedbackLoop; teamHref?: string }) {
  const headingId = useId();
  const devops = loop.culture === "devops";
  const coverageUp = Math.round((loop.coverageNow - loop.coverageAtStart) * 100);
  return (
    <Card title="Feedback loop" Icon={Repeat} labelledBy={headingId}>
      <p className="mb-3 text-base leading-snug text-text-muted">
        {devops
          ? "DevOps culture: after each incident the team holds a blameless postmortem, and its action improves the pipeline."
          : "Silo culture: after each incident a report names who caused it. Nothing in the pipeline changes."}{" "}
        {teamHref ? (
          <Link href={teamHref} className="font-semibold text-accent underline underline-offset-4 hover:text-accent-hover">
            Change the culture on the Team view
          </Link>
        ) : null}
      </p>
      <dl className="grid grid-cols-2 gap-3">
        <Metric
          label="Test coverage"
          Icon={FlaskConical}
          status={coverageUp > 0 ? "succeeded" : undefined}
          value={`${Math.round(loop.coverageNow * 100)}%`}
          detail={coverageUp > 0 ? `up ${coverageUp} points from ${Math.round(loop.coverageAtStart * 100)}%` : "unchanged since the start"}
          size="md"
        />
        <Metric
          label="Alarm delay"
          Icon={Timer}
          status={loop.alarmTuning < 1 ? "succeeded" : undefined}
          value={`${Math.round(loop.alarmTuning * 100)}%`}
          detail={loop.alarmTuning < 1 ? "of the original: tuned to fire sooner" : "of the original: never tuned"}
          size="md"
        />
      </dl>
      <h3 className="mt-4 mb-2 flex items-center gap-2 text-lg font-bold">
        <ClipboardList aria-hidden="true" className="size-5 text-text-muted" strokeWidth={2.25} />
        After incidents ({loop.postmortems.length})
      </h3>
      {loop.postmortems.length === 0 ? (
        <p className="text-base text-text-muted">Nothing yet: a postmortem follows an hour after an incident is restored.</p>
      ) : (
        <ol className="relative flex max-h-56 flex-col gap-2 overflow-y-auto" aria-label="Postmortems, newest first" tabIndex={0}>
          {loop.postmortems.map((p) => (
            <li key={`${p.incident}-${p.at}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-border pt-2 text-base">
              {p.blameless ? <Chip status="succeeded">Blameless</Chip> : <Chip status="failed">Blame</Chip>}
              <span className="font-semibold">Incident #{p.incident}</span>
              <span className="text-text-muted">{formatTime(p.at)}</span>
              <span className="basis-full">{p.blameless ? `Action: ${p.action}.` : `Blamed ${p.blamed ?? "a developer"}. No change to the process.`}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
