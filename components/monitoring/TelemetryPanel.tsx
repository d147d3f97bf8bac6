"use client";

import { Activity, ChartLine, Table2 } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { DataTable, type Column } from "@/components/charts/DataTable";
import { useMediaQuery } from "@/components/ui/useMediaQuery";
import { TimeSeriesChart, type ChartMarker } from "@/components/charts/TimeSeriesChart";
import {
  TELEMETRY_WINDOWS,
  telemetryTable,
  type ProductionNow,
  type TelemetryRow,
  type TelemetrySeries,
  type TelemetryWindow,
} from "@/machines/view/telemetrySeries";
import { formatTick, formatTime } from "@/machines/sim/calendar";
import { percent, grouped } from "@/machines/words";
import { Card } from "./ui";

interface MetricDef {
  id: "requests" | "errors" | "latency";
  title: string;
  unit: string;
  color: string;
  values: (s: TelemetrySeries) => number[];
  /** The same number now, from production's state. */
  current: (now: ProductionNow) => number;
  format: (v: number) => string;
  axis: (v: number) => string;
  minYMax: number;
}

const METRICS: readonly MetricDef[] = [
  {
    id: "requests",
    title: "Requests",
    unit: "per minute",
    color: "--chart-requests",
    values: (s) => s.requests,
    current: (n) => n.requestsPerMinute,
    format: (v) => `${grouped(Math.round(v))} /min`,
    axis: (v) => (v >= 1000 ? `${(v / 1000).toFixed(1)}k` : String(Math.round(v))),
    minYMax: 1000,
  },
  {
    id: "errors",
    title: "Error rate",
    unit: "of requests failing",
    color: "--chart-errors",
    values: (s) => s.errorPct,
    current: (n) => n.errorRate * 100,
    format: (v) => `${v.toFixed(v < 10 ? 1 : 0)}%`,
    axis: (v) => `${v % 1 === 0 ? v : v.toFixed(1)}%`,
    minYMax: 2,
  },
  {
    id: "latency",
    title: "Latency p95",
    unit: "milliseconds",
    color: "--chart-latency",
    values: (s) => s.latency,
    current: (n) => n.latencyP95Ms,
    format: (v) => `${grouped(Math.round(v))} ms`,
    axis: (v) => `${Math.round(v)}`,
    minYMax: 400,
  },
];

function windowWords(range: TelemetryWindow): string {
  return TELEMETRY_WINDOWS.find((w) => w.id === range)!.label.toLowerCase();
}

function describe(metric: MetricDef, s: TelemetrySeries): string {
  const values = metric.values(s);
  if (values.length === 0) return "No samples yet.";
  let peak = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[peak]!) peak = i;
  const deploys = s.markers.filter((m) => m.kind === "deploy").length;
  const rollbacks = s.markers.length - deploys;
  const parts = [
    `Now ${metric.format(values[values.length - 1]!)}, peak ${metric.format(values[peak]!)} at ${formatTime(s.t[peak]!)}.`,
    `${s.incidents.length} incident${s.incidents.length === 1 ? "" : "s"}, ${deploys} deployment${deploys === 1 ? "" : "s"} and ${rollbacks} rollback${rollbacks === 1 ? "" : "s"} in this window.`,
  ];
  if (metric.id === "errors")
    parts.push(s.thresholdPct === null ? "Monitoring is off: no alarm." : `Alarm threshold ${s.thresholdPct.toFixed(s.thresholdPct < 10 ? 1 : 0)}%.`);
  return parts.join(" ");
}

function markersOf(s: TelemetrySeries): ChartMarker[] {
  return s.markers.map((m) => ({
    x: m.t,
    kind: m.kind,
    label: m.kind === "deploy" ? `+${m.batch ?? 0}` : "↶",
  }));
}

const TABLE_COLUMNS: readonly Column<TelemetryRow>[] = [
  { key: "time", header: "From", rowHeader: true, cell: (r) => formatTime(r.from) },
  { key: "requests", header: "Requests /min (mean)", numeric: true, cell: (r) => grouped(r.meanRequests) },
  { key: "errors", header: "Error rate (peak)", numeric: true, cell: (r) => `${r.peakErrorPct.toFixed(1)}%` },
  { key: "latency", header: "Latency p95 (peak)", numeric: true, cell: (r) => `${Math.round(r.peakLatency)} ms` },
  {
    key: "events",
    header: "Events",
    cell: (r) => {
      const events = [
        ...r.incidentsStarted.map((id) => `Incident #${id} started`),
        ...r.deploys.map((m) => `Deployed ${m.sha} (${m.batch ?? 0} commit${m.batch === 1 ? "" : "s"})`),
        ...r.rollbacks.map((m) => `Rolled back to ${m.sha} (incident #${m.incident})`),
      ];
      return events.length > 0 ? events.join("; ") : <span className="text-text-muted">—</span>;
    },
  },
];

/**
 * Production telemetry [CloudWatch]: requests, error rate and p95 latency over virtual time, with a
 * marker for every deployment (its batch size) and rollback, incidents shaded and the alarm
 * threshold drawn. A Chart/Table switch shows the same numbers as a table.
 */
export function TelemetryPanel({
  series,
  now,
  range,
  onRangeChange,
}: {
  series: TelemetrySeries;
  /** Production right now: what "now" beside each chart says, the same numbers as the tiles. */
  now: ProductionNow;
  /** The time window shown. */
  range: TelemetryWindow;
  onRangeChange: (range: TelemetryWindow) => void;
}) {
  const [asTable, setAsTable] = useState(false);
  const [hover, setHover] = useState<number | null>(null);
  const selectId = useId();
  const headingId = useId();
  const syncKey = useId();
  const markers = useMemo(() => markersOf(series), [series]);
  const bands = useMemo(() => series.incidents.map((i) => ({ from: i.from, to: i.to, label: `#${i.id}` })), [series]);
  const xRange = useMemo(() => [series.axisFrom, series.axisTo] as const, [series.axisFrom, series.axisTo]);
  const rows = useMemo(() => (asTable ? telemetryTable(series) : []), [asTable, series]);
  const shown = hover !== null && hover < series.t.length ? hover : series.t.length - 1;
  // Taller charts where the screen has room (a 1080p projector); compact at 720p.
  const tall = useMediaQuery("(min-height: 900px) and (min-width: 1280px)");

  return (
    <Card
      title={
        <>
          Telemetry <span className="text-lg font-semibold text-text-muted">· CloudWatch</span>
        </>
      }
      Icon={Activity}
      labelledBy={headingId}
      actions={
        <>
          <label htmlFor={selectId} className="text-base font-semibold text-text-muted">
            Time window
          </label>
          <select
            id={selectId}
            value={range}
            onChange={(e) => onRangeChange(e.target.value as TelemetryWindow)}
            className="min-h-11 rounded-lg border-2 border-border-strong bg-surface-raised px-3 text-base font-semibold"
          >
            {TELEMETRY_WINDOWS.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
          <div role="group" aria-label="Show telemetry as" className="flex rounded-lg border-2 border-border-strong p-0.5">
            {[
              { table: false, label: "Chart", Icon: ChartLine },
              { table: true, label: "Table", Icon: Table2 },
            ].map((o) => (
              <button
                key={o.label}
                type="button"
                aria-pressed={asTable === o.table}
                onClick={() => setAsTable(o.table)}
                className="inline-flex min-h-10 items-center gap-1.5 rounded-md px-3 text-base font-semibold text-text-muted aria-pressed:bg-accent aria-pressed:text-on-accent pointer-coarse:min-h-11"
              >
                <o.Icon aria-hidden="true" className="size-5" strokeWidth={2.25} />
                {o.label}
              </button>
            ))}
          </div>
        </>
      }
    >
      <Legend />
      {asTable ? (
        <DataTable
          caption={`Production telemetry, ${windowWords(range)}, newest first`}
          maxHeight={tall ? "34rem" : "26rem"}
          columns={TABLE_COLUMNS}
          rows={rows}
          rowKey={(r) => r.from}
        />
      ) : (
        <div className="flex flex-col gap-2">
          {METRICS.map((metric) => {
            const values = metric.values(series);
            // Not hovering: the value now, as the tiles show it (a chart's last point sums its bucket).
            const value = hover === null ? metric.current(now) : values[shown];
            return (
              <figure key={metric.id} className="m-0">
                <figcaption className="flex flex-wrap items-baseline gap-x-3 text-base">
                  <span className="font-bold text-text">{metric.title}</span>
                  <span className="text-text-muted">{metric.unit}</span>
                  <span className="ml-auto text-lg font-bold tabular-nums text-text">
                    <span data-chart-value={metric.id}>{value === undefined ? "—" : metric.format(value)}</span>
                    <span className="ml-2 text-base font-semibold text-text-muted">
                      {hover !== null && series.t[shown] !== undefined ? `at ${formatTime(series.t[shown]!)}` : "now"}
                    </span>
                  </span>
                </figcaption>
                <TimeSeriesChart
                  label={`${metric.title}, ${windowWords(range)}`}
                  description={describe(metric, series)}
                  x={series.t}
                  xRange={xRange}
                  series={[{ label: metric.title, color: metric.color, values }]}
                  markers={markers}
                  bands={bands}
                  threshold={
                    metric.id === "errors" && series.thresholdPct !== null
                      ? { y: series.thresholdPct, label: `Alarm ${percent(series.thresholdPct / 100)}` }
                      : null
                  }
                  formatX={formatTick}
                  formatY={metric.axis}
                  minYMax={metric.minYMax}
                  showLabels={metric.id === "requests"}
                  syncKey={syncKey}
                  onHover={setHover}
                  height={(metric.id === "requests" ? 16 : 0) + (tall ? 150 : 116)}
                />
              </figure>
            );
          })}
        </div>
      )}
    </Card>
  );
}

/** What the marks on the charts mean: shapes and dashes as well as colours. */
function Legend() {
  return (
    <ul aria-label="Chart key" className="mb-2 flex flex-wrap gap-x-5 gap-y-1 text-base text-text-muted">
      <li className="flex items-center gap-1.5">
        <svg aria-hidden="true" width="14" height="18" viewBox="0 0 14 18" className="text-[var(--chart-deploy)]">
          <path d="M7 0 L13 9 H1 Z" fill="currentColor" />
          <rect x="6" y="8" width="2" height="10" fill="currentColor" />
        </svg>
        Deployment (+ commits shipped)
      </li>
      <li className="flex items-center gap-1.5">
        <svg aria-hidden="true" width="14" height="18" viewBox="0 0 14 18" className="text-[var(--chart-rollback)]">
          <path d="M1 0 H13 L7 9 Z" fill="currentColor" />
          <rect x="6" y="10" width="2" height="3" fill="currentColor" />
          <rect x="6" y="15" width="2" height="3" fill="currentColor" />
        </svg>
        Rollback
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block h-4 w-5 border-l-2 border-[var(--chart-incident-edge)] bg-[var(--chart-incident)]" />
        Incident
      </li>
      <li className="flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block w-6 border-t-2 border-dashed border-[var(--chart-threshold)]" />
        Alarm threshold
      </li>
    </ul>
  );
}
