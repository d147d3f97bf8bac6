"use client";

import { memo, useState, type ReactNode } from "react";
import { DoraTile } from "@/components/metrics/DoraTile";
import type { ModeRun } from "@/machines/compare/runComparison";
import { KEY_ORDER, showYourWork, type KeyWork } from "@/machines/compare/work";
import { durationText, trimNumber, type FrequencyUnit } from "@/machines/metrics/quantity";
import { BAND_NAMES } from "@/machines/metrics/dora";
import { formatClock } from "@/machines/sim/calendar";
import { MODE_INFO } from "@/machines/world/modes";
import { RESTORE_WORDS, grouped } from "@/machines/words";
import { HeaderRow, ScrollTable, TD, TD_NUM, TH, TH_NUM } from "./charts/ChartFigure";
import { MODE_STYLE } from "./modeStyle";

export interface ModeCardProps {
  run: ModeRun;
  /** Deployment frequency in the unit every card of the comparison uses. */
  frequencyUnit?: FrequencyUnit;
}

/** One mode of the comparison: the four keys with their bands, batch size, and the work behind them. */
export const ModeCard = memo(function ModeCard({ run, frequencyUnit }: ModeCardProps) {
  const info = MODE_INFO[run.mode];
  const { Icon, color, dashArray } = MODE_STYLE[run.mode];
  const work = showYourWork(run.metrics, frequencyUnit);
  const batch = run.metrics.batchSize;
  const headingId = `mode-${run.mode}-title`;

  return (
    <article
      aria-labelledby={headingId}
      data-mode={run.mode}
      className="@container flex min-w-0 flex-col gap-3 rounded-2xl border border-border bg-surface-raised p-3.5 shadow-sm"
      style={{ borderTop: `6px solid ${color}` }}
    >
      <header className="flex items-start gap-3">
        <span className="mt-0.5 flex size-10 shrink-0 items-center justify-center rounded-lg bg-surface-sunken">
          <Icon aria-hidden="true" className="size-6" style={{ color }} strokeWidth={2.25} />
        </span>
        <div className="min-w-0 flex-1">
          <h3 id={headingId} className="text-2xl leading-tight font-bold text-text">
            {info.name}
          </h3>
          <p className="flex items-center gap-2 text-base text-text-muted">
            <svg aria-hidden="true" width="32" height="10" viewBox="0 0 32 10" className="shrink-0">
              <line x1="1" y1="5" x2="31" y2="5" stroke={color} strokeWidth="4" strokeDasharray={dashArray || undefined} />
            </svg>
            {run.plan.words}
          </p>
        </div>
      </header>

      <div className="grid grid-cols-1 gap-2 @2xl:grid-cols-2">
        {KEY_ORDER.map((key) => (
          <DoraTile key={key} metric={key} metrics={run.metrics} size="compact" frequencyUnit={frequencyUnit} className="bg-surface" />
        ))}
      </div>

      <p className="text-base text-text">
        <span className="font-semibold">Batch size:</span>{" "}
        {batch.mean === null ? (
          "no deployment yet"
        ) : (
          <>
            <span data-batch-mean>{trimNumber(batch.mean, 1)}</span> commits on average, largest {batch.max}
            {batch.reshipped > 0 && <>; {batch.reshipped} shipped again after a rollback</>}
          </>
        )}
      </p>

      {run.metrics.driftIncidents > 0 && (
        <p className="text-base text-text" data-drift-incidents>
          <span className="font-semibold">Drift:</span> {run.metrics.driftIncidents} of the incidents came from environments changed by hand, where a rollback
          does not help
        </p>
      )}

      <ShowYourWork run={run} work={work} />
    </article>
  );
});

function Disclosure({ summary, children, onOpen }: { summary: ReactNode; children: ReactNode; onOpen?: (open: boolean) => void }) {
  return (
    <details className="rounded-lg border border-border" onToggle={(e) => onOpen?.((e.currentTarget as HTMLDetailsElement).open)}>
      <summary className="cursor-pointer rounded-lg px-3 py-2 text-base font-semibold text-text hover:bg-surface-sunken pointer-coarse:py-2.5">
        {summary}
      </summary>
      <div className="border-t border-border p-3">{children}</div>
    </details>
  );
}

function ShowYourWork({ run, work }: { run: ModeRun; work: KeyWork[] }) {
  const [open, setOpen] = useState(false);
  const [deploymentsOpen, setDeploymentsOpen] = useState(false);
  const [incidentsOpen, setIncidentsOpen] = useState(false);
  const name = MODE_INFO[run.mode].name;
  const year = run.metrics.bands.year;

  return (
    <Disclosure
      summary={
        <>
          Show your work<span className="sr-only">: {name}</span>
        </>
      }
      onOpen={setOpen}
    >
      {open && (
        <div className="flex flex-col gap-4">
          <ol className="flex flex-col gap-3">
            {work.map((w) => (
              <li key={w.key}>
                <p className="text-base font-semibold text-text">{w.name}</p>
                <p className="font-mono text-base text-text" data-formula={w.key}>
                  {w.formula}
                </p>
                {w.notes.map((note) => (
                  <p key={note} className="text-base text-text-muted">
                    {note}
                  </p>
                ))}
                <p className="text-base text-text-muted">
                  Band:{" "}
                  {w.band ? `${BAND_NAMES[w.band.band]}, ${w.band.label} (DORA ${year})` : `none, ${run.metrics.bandNotes[w.key] ?? "nothing to classify"}`}
                </p>
              </li>
            ))}
          </ol>
          <Disclosure summary={`Deployments counted (${grouped(run.deployments.length)})`} onOpen={setDeploymentsOpen}>
            {deploymentsOpen && <DeploymentList run={run} />}
          </Disclosure>
          <Disclosure summary={`Incidents counted (${run.incidents.length})`} onOpen={setIncidentsOpen}>
            {incidentsOpen && <IncidentList run={run} />}
          </Disclosure>
        </div>
      )}
    </Disclosure>
  );
}

function DeploymentList({ run }: { run: ModeRun }) {
  if (run.deployments.length === 0) return <p className="text-base text-text-muted">No deployment reached production.</p>;
  return (
    <ScrollTable
      label={`Deployments of ${MODE_INFO[run.mode].name}`}
      caption={`Every production deployment of ${MODE_INFO[run.mode].name}`}
      head={
        <HeaderRow
          columns={[
            ["#", TH_NUM],
            ["When", TH],
            ["Revision", TH],
            ["Batch", TH_NUM],
            ["Result", TH],
          ]}
        />
      }
    >
      {run.deployments.map((d) => (
        <tr key={d.id}>
          <td className={TD_NUM}>{d.id}</td>
          <td className={`${TD} whitespace-nowrap`}>{formatClock(d.at)}</td>
          <td className={TD}>
            <code>{d.sha}</code>
          </td>
          <td className={TD_NUM}>{d.batch}</td>
          <td className={TD}>
            {d.failed ? (
              <span className="font-semibold text-status-failed-ink">
                Failed change{d.incident !== null ? `: incident #${d.incident}` : ""}
                {d.rolledBack ? ", rolled back" : ""}
              </span>
            ) : (
              "Succeeded"
            )}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

function IncidentList({ run }: { run: ModeRun }) {
  if (run.incidents.length === 0) return <p className="text-base text-text-muted">No incident in this run.</p>;
  return (
    <ScrollTable
      label={`Incidents of ${MODE_INFO[run.mode].name}`}
      caption={`Every incident of ${MODE_INFO[run.mode].name}`}
      head={
        <HeaderRow
          columns={[
            ["#", TH_NUM],
            ["Started", TH],
            ["Found by", TH],
            ["Restored by", TH],
            ["Time to restore", TH_NUM],
          ]}
        />
      }
    >
      {run.incidents.map((i) => (
        <tr key={i.id}>
          <td className={TD_NUM}>{i.id}</td>
          <td className={`${TD} whitespace-nowrap`}>
            {formatClock(i.startedAt)}, deployment #{i.deployment}
            {i.drift && ", drifted environment"}
          </td>
          <td className={TD}>
            {i.detectedBy === null ? "not found yet" : `${i.detectedBy === "alarm" ? "alarm" : "customers"} after ${durationText(i.detectedAt! - i.startedAt)}`}
          </td>
          <td className={TD}>{i.restoredBy ? RESTORE_WORDS[i.restoredBy].title : "still open"}</td>
          <td className={TD_NUM}>{i.restoreMinutes === null ? "—" : durationText(i.restoreMinutes)}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
