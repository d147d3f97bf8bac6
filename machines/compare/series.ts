import { MINUTES_PER_DAY } from '../sim/calendar';
import type { Mode } from '../world/modes';
import type { ModeRun } from './runComparison';

/**
 * Chart data for the comparison, in uPlot's aligned-columns shape (x first, one column per series,
 * null for "no value here"), and the tables that stand in for each chart. Pure.
 */
export type Column = (number | null)[];

// ------------------------------------------------------------------ lead time distribution

/** Lead-time buckets on the DORA band edges, plus the commits still on their way. */
export const LEAD_BUCKETS = [
  { id: 'hour', label: 'Under 1 hour', maxHours: 1 },
  { id: 'day', label: '1 hour to 1 day', maxHours: 24 },
  { id: 'week', label: '1 day to 1 week', maxHours: 24 * 7 },
  { id: 'month', label: '1 week to 1 month', maxHours: 24 * 30 },
  { id: 'longer', label: 'Over 1 month', maxHours: Infinity },
] as const;

export interface LeadBucketRow {
  label: string;
  /** Per mode: commits in the bucket and their share of every commit pushed. */
  cells: { mode: Mode; count: number; share: number }[];
}

export function leadTimeTable(runs: readonly ModeRun[]): LeadBucketRow[] {
  const rows: LeadBucketRow[] = LEAD_BUCKETS.map((b) => ({ label: b.label, cells: [] }));
  const pendingRow: LeadBucketRow = { label: 'Not in production yet', cells: [] };
  for (const run of runs) {
    const counts: number[] = LEAD_BUCKETS.map(() => 0);
    let pending = 0;
    for (const c of run.commits) {
      if (c.leadMinutes === null) {
        pending++;
        continue;
      }
      const hours = c.leadMinutes / 60;
      const i = LEAD_BUCKETS.findIndex((b) => hours < b.maxHours);
      counts[i === -1 ? LEAD_BUCKETS.length - 1 : i]!++;
    }
    const total = Math.max(1, run.commits.length);
    counts.forEach((count, i) => rows[i]!.cells.push({ mode: run.mode, count, share: count / run.commits.length || 0 }));
    pendingRow.cells.push({ mode: run.mode, count: pending, share: pending / total });
  }
  return [...rows, pendingRow];
}

/**
 * The cumulative distribution of lead times: for each x (hours, log-spaced from one minute to the
 * run's length), the share of commits (0-100%) that reached production within x. Pending commits never
 * count, so a line that stays below 100% shows work still waiting.
 */
export function leadTimeCdf(runs: readonly ModeRun[], points = 160): Column[] {
  const days = runs[0]?.settings.days ?? 1;
  const lo = Math.log10(1 / 60);
  const hi = Math.log10(days * 24);
  const xs: number[] = [];
  for (let i = 0; i < points; i++) xs.push(10 ** (lo + ((hi - lo) * i) / (points - 1)));
  const columns: Column[] = [xs];
  for (const run of runs) {
    const leads = run.commits.filter((c) => c.leadMinutes !== null).map((c) => c.leadMinutes! / 60);
    leads.sort((a, b) => a - b);
    const total = Math.max(1, run.commits.length);
    const ys: number[] = [];
    let k = 0;
    for (const x of xs) {
      while (k < leads.length && leads[k]! <= x) k++;
      ys.push((100 * k) / total);
    }
    columns.push(ys);
  }
  return columns;
}

// ------------------------------------------------------------------ deployments and flow over time

/** Flow samples in days (x) and, per run, the cumulative deployments. All runs share one grid. */
export function deploymentsOverTime(runs: readonly ModeRun[]): Column[] {
  const first = runs[0];
  if (!first) return [[]];
  return [first.flow.t.map((t) => t / MINUTES_PER_DAY), ...runs.map((r) => r.flow.deployments)];
}

/** One run's cumulative flow: x in days, then pushed, tested, deployed. */
export function cumulativeFlow(run: ModeRun): Column[] {
  return [run.flow.t.map((t) => t / MINUTES_PER_DAY), run.flow.pushed, run.flow.tested, run.flow.deployed];
}

// ------------------------------------------------------------------ batch sizes

/** Every deployment's batch size at its time (days); a run has null where another deployed. */
export function batchSizes(runs: readonly ModeRun[]): Column[] {
  const times = new Set<number>();
  for (const run of runs) for (const d of run.deployments) times.add(d.at);
  const xs = [...times].sort((a, b) => a - b);
  const index = new Map(xs.map((t, i) => [t, i]));
  const columns: Column[] = [xs.map((t) => t / MINUTES_PER_DAY)];
  for (const run of runs) {
    const ys: Column = new Array(xs.length).fill(null);
    for (const d of run.deployments) ys[index.get(d.at)!] = d.batch;
    columns.push(ys);
  }
  return columns;
}

export const BATCH_BUCKETS = [
  { label: '1 commit', max: 1 },
  { label: '2 to 5 commits', max: 5 },
  { label: '6 to 20 commits', max: 20 },
  { label: '21 to 100 commits', max: 100 },
  { label: 'Over 100 commits', max: Infinity },
] as const;

export interface BatchRow {
  label: string;
  /** Per mode: deployments with a batch in the bucket. */
  cells: { mode: Mode; deployments: number }[];
}

export function batchTable(runs: readonly ModeRun[]): BatchRow[] {
  return BATCH_BUCKETS.map((bucket, i) => {
    const min = i === 0 ? 0 : BATCH_BUCKETS[i - 1]!.max + 1;
    return {
      label: bucket.label,
      cells: runs.map((run) => ({
        mode: run.mode,
        deployments: run.deployments.filter((d) => d.batch >= min && d.batch <= bucket.max).length,
      })),
    };
  });
}

// ------------------------------------------------------------------ per-period tables

export interface Period {
  /** "Days 1-7" */
  label: string;
  /** Sample index at the end of the period. */
  end: number;
  /** Sample index at the start (end of the previous period). */
  start: number;
}

/** Weeks for runs up to half a year, months beyond: a table a class can read. */
export function periods(run: ModeRun): Period[] {
  const days = run.settings.days;
  const size = days <= 183 ? 7 : 30;
  const step = run.flow.t[1] ?? MINUTES_PER_DAY;
  const out: Period[] = [];
  let start = 0;
  for (let from = 0; from < days; from += size) {
    const to = Math.min(days, from + size);
    const end = Math.min(run.flow.t.length - 1, Math.round((to * MINUTES_PER_DAY) / step));
    out.push({ label: from + 1 === to ? `Day ${to}` : `Days ${from + 1} to ${to}`, start, end });
    start = end;
  }
  return out;
}
