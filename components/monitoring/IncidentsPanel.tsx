"use client";

import { BellRing, CircleCheck, ClipboardList, GitCommitHorizontal, Headset, Rocket, Siren, Undo2, UserRound, type LucideIcon } from "lucide-react";
import { useId, useState } from "react";
import type { Status } from "@/machines/view/stages";
import type { IncidentState, IncidentStep, IncidentStepKey, IncidentView } from "@/machines/view/incidentView";
import { formatClock, formatMinutes, formatTime } from "@/machines/sim/calendar";
import { percent } from "@/machines/words";
import { BUTTON_SMALL, Card, Chip } from "./ui";

export const INCIDENT_STATUS: Record<IncidentState, { status: Status; word: string }> = {
  unnoticed: { status: "failed", word: "Unnoticed" },
  open: { status: "failed", word: "Open" },
  "rolling-back": { status: "working", word: "Rolling back" },
  restored: { status: "succeeded", word: "Restored" },
};

const STEP_ICONS: Record<IncidentStepKey, LucideIcon> = {
  started: Siren,
  detected: BellRing,
  acknowledged: Headset,
  rollback: Undo2,
  restored: CircleCheck,
};

/**
 * Incidents: a list (newest first) and, for the one picked, its timeline (started, detected,
 * acknowledged, rollback, restored), who was paged, what restored it, the deployment that caused
 * it and the culprit commits, which the pipeline view can show.
 */
export function IncidentsPanel({
  incidents,
  onShowCommit,
}: {
  incidents: readonly IncidentView[];
  /** Opens a commit in the pipeline view. */
  onShowCommit: (seq: number) => void;
}) {
  const headingId = useId();
  const [picked, setPicked] = useState<number | null>(null);
  const selected = incidents.find((i) => i.id === picked) ?? incidents.find((i) => i.state !== "restored") ?? incidents[0];
  return (
    <Card title={`Incidents (${incidents.length})`} Icon={Siren} labelledBy={headingId}>
      {incidents.length === 0 ? (
        <p className="text-lg text-text-muted">No incidents yet. A defect that slips past the tests causes one 5–60 minutes after its deployment.</p>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(16rem,22rem)_1fr]">
          <ol aria-label="Incidents, newest first" className="relative flex max-h-[30rem] flex-col gap-2 overflow-y-auto pr-1">
            {incidents.map((incident) => {
              const { status, word } = INCIDENT_STATUS[incident.state];
              const current = incident.id === selected?.id;
              return (
                <li key={incident.id}>
                  <button
                    type="button"
                    aria-pressed={current}
                    onClick={() => setPicked(incident.id)}
                    className="flex w-full flex-col gap-1.5 rounded-xl border-2 border-border bg-surface px-3 py-2 text-left hover:border-border-strong aria-pressed:border-accent aria-pressed:bg-surface-sunken"
                  >
                    <span className="flex w-full items-center gap-2">
                      <span className="text-lg font-bold">Incident #{incident.id}</span>
                      <Chip status={status} className="ml-auto">
                        {word}
                      </Chip>
                    </span>
                    <span className="text-base text-text-muted">
                      {formatTime(incident.startedAt)} · {percent(incident.errorRate)} failing ·{" "}
                      {incident.restoreMinutes !== null
                        ? `restored in ${formatMinutes(incident.restoreMinutes)}`
                        : `${formatMinutes(incident.ageMinutes)} so far`}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
          {selected ? <IncidentDetail incident={selected} onShowCommit={onShowCommit} /> : null}
        </div>
      )}
    </Card>
  );
}

function IncidentDetail({ incident, onShowCommit }: { incident: IncidentView; onShowCommit: (seq: number) => void }) {
  const { status, word } = INCIDENT_STATUS[incident.state];
  const titleId = useId();
  return (
    <article aria-labelledby={titleId} className="flex min-w-0 flex-col gap-4 rounded-xl border border-border bg-surface p-4">
      <header className="flex flex-wrap items-center gap-3">
        <h3 id={titleId} className="text-2xl font-bold">
          Incident #{incident.id}
        </h3>
        <Chip status={status}>{word}</Chip>
        {incident.state !== "restored" ? <span className="text-base text-text-muted">{incident.phaseWords}</span> : null}
      </header>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Fact label="Time to detect" value={formatMinutes(incident.detectMinutes)} />
        <Fact
          label="Time to restore"
          value={incident.restoreMinutes !== null ? formatMinutes(incident.restoreMinutes) : `${formatMinutes(incident.ageMinutes)}+`}
        />
        <Fact label="Who was paged" value={incident.paged ?? "Nobody"} Icon={UserRound} />
        <Fact label="What restored it" value={incident.restoredWords ?? "Not restored yet"} />
      </dl>

      <Timeline steps={incident.steps} />

      <div className="grid gap-4 xl:grid-cols-2">
        <section aria-label="Deployment">
          <h4 className="mb-1 flex items-center gap-2 text-lg font-bold">
            <Rocket aria-hidden="true" className="size-5 text-text-muted" strokeWidth={2.25} /> Deployment
          </h4>
          {incident.deployment ? (
            <p className="text-base leading-snug">
              Deployment {incident.deployment.id} shipped{" "}
              <button
                type="button"
                onClick={() => onShowCommit(incident.deployment!.revision)}
                className="rounded font-mono font-semibold text-accent underline underline-offset-4 hover:text-accent-hover"
                aria-label={`Revision ${incident.deployment.sha}: show in the pipeline`}
              >
                {incident.deployment.sha}
              </button>{" "}
              with {incident.deployment.batch} commit{incident.deployment.batch === 1 ? "" : "s"} at {formatClock(incident.deployment.at)}.
            </p>
          ) : (
            <p className="text-base text-text-muted">The deployment is older than the history this run keeps.</p>
          )}
        </section>
        <section aria-label="Culprit commits">
          <h4 className="mb-1 flex items-center gap-2 text-lg font-bold">
            <GitCommitHorizontal aria-hidden="true" className="size-5 text-text-muted" strokeWidth={2.25} /> Culprit
            {incident.culprits.length === 1 ? " commit" : " commits"}
          </h4>
          {incident.culpritsKnown ? (
            <ul className="flex flex-col gap-2">
              {incident.culprits.map((c) => (
                <li key={c.seq} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-base">
                  <span className="font-mono font-semibold">{c.sha}</span>
                  <span className="text-text-muted">
                    {c.author}: {c.message}
                  </span>
                  <button type="button" onClick={() => onShowCommit(c.seq)} className={BUTTON_SMALL} aria-label={`Show commit ${c.sha} in the pipeline`}>
                    Show in pipeline
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-base text-text-muted">
              Not known yet: nobody has noticed the incident. The batch had {incident.deployment?.batch ?? "several"} commit
              {incident.deployment?.batch === 1 ? "" : "s"} to search.
            </p>
          )}
        </section>
      </div>

      {incident.postmortem ? (
        <section aria-label="Postmortem" className="rounded-lg border-l-4 border-border-strong bg-surface-sunken px-3 py-2">
          <h4 className="flex items-center gap-2 text-lg font-bold">
            <ClipboardList aria-hidden="true" className="size-5 text-text-muted" strokeWidth={2.25} />
            {incident.postmortem.blameless ? "Blameless postmortem" : "Incident report"}
          </h4>
          <p className="text-base">
            {incident.postmortem.blameless
              ? `Action: ${incident.postmortem.action}.`
              : `Blames ${incident.postmortem.blamed ?? "a developer"}. ${incident.postmortem.action}.`}
          </p>
        </section>
      ) : null}
    </article>
  );
}

function Fact({ label, value, Icon }: { label: string; value: string; Icon?: LucideIcon }) {
  return (
    <div className="min-w-0">
      <dt className="text-base font-semibold text-text-muted">{label}</dt>
      <dd className="flex items-center gap-1.5 text-xl font-bold leading-tight">
        {Icon ? <Icon aria-hidden="true" className="size-5 shrink-0 text-text-muted" strokeWidth={2.25} /> : null}
        {value}
      </dd>
    </div>
  );
}

function Timeline({ steps }: { steps: readonly IncidentStep[] }) {
  return (
    <ol aria-label="Timeline" className="grid grid-cols-1 gap-2 sm:grid-cols-5 sm:gap-0">
      {steps.map((step, i) => {
        const Icon = STEP_ICONS[step.key];
        const done = step.at !== undefined;
        const ink = done
          ? step.key === "started"
            ? "text-status-failed-ink"
            : step.key === "restored"
              ? "text-status-succeeded-ink"
              : "text-status-working-ink"
          : "text-text-muted";
        return (
          <li key={step.key} className="relative flex gap-3 sm:flex-col sm:gap-1 sm:pr-3">
            {i < steps.length - 1 ? (
              <span
                aria-hidden="true"
                className={`absolute top-5 left-11 hidden h-0.5 right-1 sm:block ${done && steps[i + 1]!.at !== undefined ? "bg-border-strong" : "border-t-2 border-dashed border-border"}`}
              />
            ) : null}
            <span
              className={`relative z-10 flex size-10 shrink-0 items-center justify-center rounded-full border-2 bg-surface-raised ${done ? "border-current" : "border-dashed border-border-strong"} ${ink}`}
            >
              <Icon aria-hidden="true" className="size-5" strokeWidth={2.5} />
            </span>
            <span className="flex min-w-0 flex-col">
              <span className="text-lg font-bold">{step.label}</span>
              <span className="text-base font-semibold tabular-nums">
                {done ? (
                  <>
                    {formatTime(step.at!)}
                    {step.key !== "started" ? <span className="text-text-muted"> · +{formatMinutes(step.afterStart)}</span> : null}
                  </>
                ) : step.skipped ? (
                  <span className="text-text-muted">skipped</span>
                ) : (
                  <span className="text-text-muted">pending</span>
                )}
              </span>
              <span className="text-base leading-snug text-text-muted">{step.detail}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
