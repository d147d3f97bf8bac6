"use client";

import { Activity, Gauge, HeartPulse, Siren, TriangleAlert, Undo2 } from "lucide-react";
import type { IncidentView } from "@/machines/view/incidentView";
import type { ProductionNow } from "@/machines/view/telemetrySeries";
import { formatMinutes } from "@/machines/sim/calendar";
import { percent, grouped } from "@/machines/words";
import { INCIDENT_STATUS } from "./IncidentsPanel";
import { BUTTON_DANGER, Chip, Metric } from "./ui";

/** Production's health now, in big numbers [CloudWatch metrics]. */
export function NowTiles({ now }: { now: ProductionNow }) {
  const healthy = now.openIncidents === 0;
  // The healthy service fails about 0.2% of requests; 1% is already an incident.
  const errorsHigh = now.errorRate >= 0.01;
  return (
    <dl aria-label="Production now" className="grid grid-cols-2 gap-3">
      <Metric
        label="Production"
        Icon={healthy ? HeartPulse : Siren}
        status={healthy ? "succeeded" : "failed"}
        value={healthy ? "Healthy" : "Failing"}
        detail={
          healthy
            ? "no open incidents"
            : `${now.openIncidents} incident${now.openIncidents === 1 ? "" : "s"}, ${now.silentIncident ? "unnoticed" : "being handled"}`
        }
      />
      <Metric
        label="Error rate"
        Icon={TriangleAlert}
        status={errorsHigh ? "failed" : undefined}
        value={<span data-tile-value="errors">{percent(now.errorRate)}</span>}
        detail={now.monitoring ? `alarm at ${percent(now.thresholdPct / 100)}` : "no alarm"}
      />
      <Metric label="Requests" Icon={Activity} value={grouped(now.requestsPerMinute)} detail="per minute" />
      <Metric label="Latency p95" Icon={Gauge} value={`${grouped(now.latencyP95Ms)} ms`} detail="95% are faster" />
    </dl>
  );
}

/**
 * Every open incident in one line, with the manual Rollback where the mode leaves it to a person
 * (Continuous Deployment rolls back on its own when the alarm fires).
 */
export function OpenIncidents({
  open,
  monitoring,
  onRollback,
}: {
  /** Open incidents, newest first. */
  open: readonly IncidentView[];
  monitoring: boolean;
  onRollback: (incident: number) => void;
}) {
  if (open.length === 0) return null;
  const rollbacks = open.filter((i) => i.canRollback).length;
  return (
    <ul aria-label="Open incidents" className="flex flex-col gap-2">
      {open.map((incident) => {
        const { status, word } = INCIDENT_STATUS[incident.state];
        return (
          <li key={incident.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border-2 border-status-failed bg-surface-raised px-4 py-2.5">
            <Chip status={status}>{word}</Chip>
            <span className="text-xl font-bold">Incident #{incident.id}</span>
            <span className="min-w-0 flex-1 text-lg">
              {percent(incident.errorRate)} of requests failing for {formatMinutes(incident.ageMinutes)}.{" "}
              {incident.detectedBy ? (
                `Found by ${incident.detectedBy === "alarm" ? "the alarm" : "customers"} after ${formatMinutes(incident.detectMinutes)}.`
              ) : (
                <strong className="text-status-failed-ink">
                  {monitoring ? "Below the alarm threshold: nobody knows yet." : "Monitoring is off: nobody knows yet."}
                </strong>
              )}{" "}
              {incident.paged && incident.state === "open" ? `${incident.paged} is paged.` : ""}
              {incident.state === "rolling-back" ? `Rolling back${incident.rollbackBy ? ` (${incident.rollbackBy})` : ""}.` : ""}
            </span>
            {incident.canRollback ? (
              <button
                type="button"
                onClick={() => onRollback(incident.id)}
                className={BUTTON_DANGER}
                aria-label={rollbacks > 1 ? `Roll back now (incident #${incident.id})` : undefined}
              >
                <Undo2 aria-hidden="true" className="size-5" strokeWidth={2.5} />
                Roll back now
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
