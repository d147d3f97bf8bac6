"use client";

import { Bell, BellOff, BellRing } from "lucide-react";
import { useId } from "react";
import { ALARM_THRESHOLDS } from "@/machines/view/telemetrySeries";
import { percent } from "@/machines/words";
import { Card, Chip } from "./ui";

/**
 * The learner's alarm controls [CloudWatch alarm]: monitoring on or off, and the error rate at which
 * the alarm fires. Both apply to incidents that start after the change.
 */
export function AlarmSettings({
  state,
  monitoring,
  threshold,
  alarmTuning,
  onMonitoringChange,
  onThresholdChange,
}: {
  /** The alarm's state now [CloudWatch]: OK, ALARM, or off with monitoring. */
  state: "ok" | "alarm" | "off";
  monitoring: boolean;
  /** Error rate 0-1. */
  threshold: number;
  /** Alarm delay as a share of the original (postmortems tune it down). */
  alarmTuning: number;
  onMonitoringChange: (on: boolean) => void;
  onThresholdChange: (threshold: number) => void;
}) {
  const thresholdId = useId();
  const hintId = useId();
  const headingId = useId();
  const options = ALARM_THRESHOLDS.includes(threshold) ? ALARM_THRESHOLDS : [...ALARM_THRESHOLDS, threshold].sort((a, b) => a - b);
  return (
    <Card
      title="Alarm"
      Icon={monitoring ? Bell : BellOff}
      labelledBy={headingId}
      actions={
        <span aria-live="polite" className="inline-flex items-center gap-2">
          <span className="sr-only">Alarm state:</span>
          {state === "alarm" ? (
            <Chip status="failed" Icon={BellRing}>
              In alarm
            </Chip>
          ) : state === "off" ? (
            <Chip status="idle" Icon={BellOff}>
              Off
            </Chip>
          ) : (
            <Chip status="succeeded" Icon={Bell}>
              OK
            </Chip>
          )}
        </span>
      }
    >
      <div className="flex flex-col gap-4">
        <div className="flex items-center justify-between gap-4">
          <span id={`${headingId}-switch`} className="text-lg font-semibold">
            Monitoring
          </span>
          <button
            type="button"
            role="switch"
            aria-checked={monitoring}
            aria-labelledby={`${headingId}-switch`}
            aria-describedby={hintId}
            onClick={() => onMonitoringChange(!monitoring)}
            className="inline-flex min-h-11 min-w-24 items-center justify-between gap-3 rounded-full border-2 border-border-strong bg-surface-sunken py-1 pr-4 pl-1 text-base font-bold aria-checked:flex-row-reverse aria-checked:border-status-succeeded aria-checked:bg-status-succeeded aria-checked:pr-1 aria-checked:pl-4 aria-checked:text-on-status-succeeded"
          >
            <span aria-hidden="true" className="size-8 rounded-full bg-surface-raised shadow ring-1 ring-border-strong" />
            <span>{monitoring ? "On" : "Off"}</span>
          </button>
        </div>
        <div className="flex items-center justify-between gap-4">
          <label htmlFor={thresholdId} className="text-lg font-semibold">
            Alarm threshold
          </label>
          <select
            id={thresholdId}
            value={String(threshold)}
            disabled={!monitoring}
            aria-describedby={hintId}
            onChange={(e) => onThresholdChange(Number(e.target.value))}
            className="min-h-11 rounded-lg border-2 border-border-strong bg-surface-raised px-3 text-lg font-bold tabular-nums disabled:opacity-60"
          >
            {options.map((t) => (
              <option key={t} value={String(t)}>
                {`${+(t * 100).toFixed(1)}%`} errors
              </option>
            ))}
          </select>
        </div>
        <p id={hintId} className="text-base leading-snug text-text-muted">
          {monitoring
            ? `The alarm fires when more than ${percent(threshold)} of requests fail${alarmTuning < 1 ? `, ${Math.round((1 - alarmTuning) * 100)}% sooner after postmortems tuned it` : ""}. Incidents below it are found by customers, hours later.`
            : "No alarm: customers find incidents, hours later, by calling support."}{" "}
          Applies to incidents that start from now on.
        </p>
      </div>
    </Card>
  );
}
