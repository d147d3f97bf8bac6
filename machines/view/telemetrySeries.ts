import type { Simulation } from '../engine/simulation';
import { productionMarkers, sampleTelemetry, type ProductionMarker } from '../production/telemetry';
import { MINUTES_PER_DAY } from '../sim/calendar';

/**
 * Production telemetry shaped for charts and their table alternative: columns of numbers over
 * virtual time, the deploy and rollback markers, the incident spans to shade and the alarm
 * threshold. Pure: the same simulation gives the same series.
 */

export type TelemetryWindow = 'day' | 'week' | 'run';

export const TELEMETRY_WINDOWS: readonly { id: TelemetryWindow; label: string }[] = [
  { id: 'day', label: 'Last 24 hours' },
  { id: 'week', label: 'Last 7 days' },
  { id: 'run', label: 'Whole run' },
];

const SPAN: Record<Exclude<TelemetryWindow, 'run'>, number> = { day: MINUTES_PER_DAY, week: 7 * MINUTES_PER_DAY };

/** Chart points per series at most: enough for a 1920 px wide chart, cheap to redraw live. */
export const MAX_POINTS = 400;
const STEPS = [5, 10, 15, 30, 60, 120, 240, 480, 720, 1440] as const;
/** Finest sampling inside a coarse step, so a short incident still shows as a peak. */
const FINE_STEP = 15;

/** The smallest sampling step (minutes) that keeps `span` within MAX_POINTS points. */
export function stepFor(span: number): number {
  for (const step of STEPS) if (span / step <= MAX_POINTS) return step;
  return STEPS[STEPS.length - 1]!;
}

export interface IncidentSpan {
  id: number;
  from: number;
  /** Restored, or now while it lasts. */
  to: number;
  open: boolean;
}

export interface TelemetrySeries {
  window: TelemetryWindow;
  /** The x axis: samples fill [from, to]; the axis shows [axisFrom, axisTo] (a fresh run fills its first day). */
  from: number;
  to: number;
  axisFrom: number;
  axisTo: number;
  step: number;
  t: number[];
  requests: number[];
  /** Error rate in percent (0-100). */
  errorPct: number[];
  latency: number[];
  markers: ProductionMarker[];
  incidents: IncidentSpan[];
  /** The alarm threshold in percent, or null when monitoring is off. */
  thresholdPct: number | null;
}

/** The range a window covers at the simulation's current minute. */
export function windowRange(sim: Simulation, window: TelemetryWindow): { from: number; to: number; axisFrom: number; axisTo: number } {
  const to = sim.now;
  if (window === 'run') {
    const from = Math.max(0, Math.floor(sim.log[0]?.t ?? 0));
    return { from, to, axisFrom: from, axisTo: Math.max(to, from + 60) };
  }
  const span = SPAN[window];
  const from = Math.max(0, to - span);
  return { from, to, axisFrom: from, axisTo: Math.max(to, span) };
}

export function telemetrySeries(sim: Simulation, window: TelemetryWindow = 'day'): TelemetrySeries {
  const range = windowRange(sim, window);
  const step = stepFor(range.axisTo - range.axisFrom);
  const t: number[] = [];
  const requests: number[] = [];
  const errorPct: number[] = [];
  const latency: number[] = [];

  if (step <= FINE_STEP) {
    for (const s of sampleTelemetry(sim, range.from, range.to, step)) {
      t.push(s.t);
      requests.push(s.requestsPerMinute);
      errorPct.push(s.errorRate * 100);
      latency.push(s.latencyP95Ms);
    }
  } else {
    // One point per step: mean traffic, peak errors and latency of the finer samples inside it.
    const fine = sampleTelemetry(sim, range.from, range.to, FINE_STEP);
    let i = 0;
    while (i < fine.length) {
      const bucket = Math.floor(fine[i]!.t / step) * step;
      let n = 0;
      let req = 0;
      let err = 0;
      let lat = 0;
      while (i < fine.length && Math.floor(fine[i]!.t / step) * step === bucket) {
        const s = fine[i]!;
        n++;
        req += s.requestsPerMinute;
        err = Math.max(err, s.errorRate);
        lat = Math.max(lat, s.latencyP95Ms);
        i++;
      }
      t.push(Math.max(bucket, range.from));
      requests.push(Math.round(req / n));
      errorPct.push(err * 100);
      latency.push(lat);
    }
  }

  const incidents: IncidentSpan[] = [];
  for (const i of sim.incidents.values()) {
    const end = i.restoredAt ?? sim.now;
    if (end < range.from || i.startedAt > range.to) continue;
    incidents.push({ id: i.id, from: i.startedAt, to: end, open: i.restoredAt === undefined });
  }
  incidents.sort((a, b) => a.from - b.from);

  return {
    window,
    ...range,
    step,
    t,
    requests,
    errorPct,
    latency,
    markers: productionMarkers(sim, range.from, range.to),
    incidents,
    thresholdPct: sim.settings.monitoring ? sim.settings.alarmThreshold * 100 : null,
  };
}

/** One row of the table that stands in for the charts. */
export interface TelemetryRow {
  from: number;
  to: number;
  meanRequests: number;
  peakErrorPct: number;
  peakLatency: number;
  deploys: ProductionMarker[];
  rollbacks: ProductionMarker[];
  /** Incidents that started in the row's period. */
  incidentsStarted: number[];
}

/** Row length (minutes) of the table for a window: hours for a day, quarter days for a week. */
export function rowMinutes(series: Pick<TelemetrySeries, 'axisFrom' | 'axisTo'>): number {
  const span = series.axisTo - series.axisFrom;
  if (span <= 2 * MINUTES_PER_DAY) return 60;
  if (span <= 8 * MINUTES_PER_DAY) return 6 * 60;
  return MINUTES_PER_DAY;
}

/**
 * The series in rows of `rowMinutes` (newest first): the same story as the charts, readable by a
 * screen reader or from the back of the room.
 */
export function telemetryTable(series: TelemetrySeries, minutes: number = rowMinutes(series)): TelemetryRow[] {
  const rows = new Map<number, TelemetryRow & { n: number; sum: number }>();
  const rowFor = (t: number) => {
    const from = Math.floor(t / minutes) * minutes;
    let row = rows.get(from);
    if (!row) {
      row = { from, to: from + minutes, meanRequests: 0, peakErrorPct: 0, peakLatency: 0, deploys: [], rollbacks: [], incidentsStarted: [], n: 0, sum: 0 };
      rows.set(from, row);
    }
    return row;
  };
  series.t.forEach((t, i) => {
    const row = rowFor(t);
    row.n++;
    row.sum += series.requests[i]!;
    row.peakErrorPct = Math.max(row.peakErrorPct, series.errorPct[i]!);
    row.peakLatency = Math.max(row.peakLatency, series.latency[i]!);
  });
  for (const m of series.markers) (m.kind === 'deploy' ? rowFor(m.t).deploys : rowFor(m.t).rollbacks).push(m);
  for (const i of series.incidents) if (i.from >= series.from) rowFor(i.from).incidentsStarted.push(i.id);
  return [...rows.values()]
    .filter((r) => r.n > 0)
    .sort((a, b) => b.from - a.from)
    .map(({ n, sum, ...row }) => ({ ...row, meanRequests: Math.round(sum / n), to: Math.min(row.to, series.to) }));
}

/** Production at this minute, as the top of the monitoring view reads it. */
export interface ProductionNow {
  requestsPerMinute: number;
  errorRate: number;
  latencyP95Ms: number;
  openIncidents: number;
  /**
   * The CloudWatch alarm's state: OK, ALARM (a detected incident is open), or off. An incident
   * below the threshold keeps the alarm OK while customers suffer: `silentIncident` says so.
   */
  alarm: 'ok' | 'alarm' | 'off';
  silentIncident: boolean;
  thresholdPct: number;
  monitoring: boolean;
}

export function productionNow(sim: Simulation): ProductionNow {
  const sample = sampleTelemetry(sim, sim.now, sim.now, 1)[0];
  const open = sim.openIncidents();
  const monitoring = sim.settings.monitoring;
  const alarmed = open.some((i) => i.detectedBy === 'alarm');
  return {
    requestsPerMinute: sample?.requestsPerMinute ?? 0,
    errorRate: sim.errorRate(),
    latencyP95Ms: sample?.latencyP95Ms ?? 0,
    openIncidents: open.length,
    alarm: !monitoring && !alarmed ? 'off' : alarmed ? 'alarm' : 'ok',
    silentIncident: open.some((i) => i.detectedAt === undefined),
    thresholdPct: sim.settings.alarmThreshold * 100,
    monitoring,
  };
}

/** Alarm thresholds offered to the learner (error rate, 0-1); incidents fail 2-35% of requests. */
export const ALARM_THRESHOLDS: readonly number[] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3];
