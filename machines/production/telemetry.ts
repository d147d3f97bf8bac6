import type { Simulation } from '../engine/simulation';
import { BASELINE_ERROR_RATE } from '../engine/simulation';
import { MINUTES_PER_DAY, dayOf, isWorkday, minuteOfDay } from '../sim/calendar';
import { revisionName } from '../words';

/** One point of production telemetry [CloudWatch metrics]. */
export interface TelemetrySample {
  t: number;
  requestsPerMinute: number;
  /** Share of requests failing (0-1). */
  errorRate: number;
  latencyP95Ms: number;
}

export interface ProductionMarker {
  t: number;
  kind: 'deploy' | 'rollback';
  revision: number;
  sha: string;
  /** Commits shipped (deploys only). */
  batch?: number;
  incident?: number;
}

/** Customers' traffic: quiet at night, a peak around lunch, lighter at weekends. */
export function trafficAt(t: number): number {
  const hour = minuteOfDay(t) / 60;
  const daylight = Math.max(0, Math.sin((Math.PI * (hour - 6)) / 17));
  const weekday = isWorkday(dayOf(t)) ? 1 : 0.6;
  return Math.round((120 + 880 * daylight * daylight) * weekday);
}

/**
 * Small, repeatable noise for a sample: a hash of the seed and the minute, so telemetry is the same
 * on every redraw and never draws from (and shifts) the run's streams of chance.
 */
function noise(seed: number, t: number): number {
  let h = (seed ^ Math.imul(Math.floor(t), 0x27d4eb2d)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  return h / 0xffffffff - 0.5;
}

/**
 * Telemetry sampled every `step` minutes over [from, to], derived from the incidents the run had:
 * computed on demand, so a run of any length keeps no growing series.
 */
export function sampleTelemetry(sim: Simulation, from: number, to: number, step = 5): TelemetrySample[] {
  const incidents = [...sim.incidents.values()];
  const samples: TelemetrySample[] = [];
  const start = Math.max(0, Math.floor(from / step) * step);
  for (let t = start; t <= to; t += step) {
    let incidentErrors = 0;
    for (const i of incidents) {
      if (i.startedAt <= t && (i.restoredAt === undefined || i.restoredAt > t)) incidentErrors += i.errorRate;
    }
    const requests = trafficAt(t);
    const load = requests / 1000;
    const errorRate = Math.min(1, Math.max(0, BASELINE_ERROR_RATE * (1 + noise(sim.settings.seed, t)) + incidentErrors));
    const latency = 140 + 110 * load + 1800 * incidentErrors + 25 * noise(sim.settings.seed + 1, t);
    samples.push({ t, requestsPerMinute: Math.round(requests * (1 + 0.08 * noise(sim.settings.seed + 2, t))), errorRate, latencyP95Ms: Math.round(latency) });
  }
  return samples;
}

/** Deployments and rollbacks in [from, to], for markers on the charts. */
export function productionMarkers(sim: Simulation, from: number, to: number): ProductionMarker[] {
  const markers: ProductionMarker[] = [];
  const sha = (seq: number) => revisionName(seq, sim.commit(seq)?.sha);
  for (const e of sim.log) {
    if (e.t < from || e.t > to) continue;
    if (e.type === 'deploy.succeeded') markers.push({ t: e.t, kind: 'deploy', revision: e.revision, sha: sha(e.revision), batch: e.batch });
    else if (e.type === 'deploy.rolledBack') markers.push({ t: e.t, kind: 'rollback', revision: e.to, sha: sha(e.to), incident: e.incident });
  }
  return markers;
}

export const TELEMETRY_WINDOW = MINUTES_PER_DAY;
