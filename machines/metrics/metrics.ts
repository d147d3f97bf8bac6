import type { LoggedEvent, StageName } from '../events';
import { MINUTES_PER_DAY } from '../sim/calendar';
import { classify, DORA_2024, type BandRule, type BandTable, type KeyMetric } from './dora';
import { mean, median, quantile, sortNumbers } from './stats';

export interface Window {
  /** Virtual minutes, inclusive. */
  from: number;
  /** Virtual minutes, exclusive; also "now" for commits still pending. */
  to: number;
}

export interface LeadTime {
  /** Hours from push to production. Pending commits count at their age when the window ends. */
  median: number | null;
  p90: number | null;
  /** True when the median (or p90) lands on a pending commit: the real value is at least this. */
  medianIsLowerBound: boolean;
  p90IsLowerBound: boolean;
  deployed: number;
  pending: number;
}

export interface StageTimes {
  /** Executions that reached the stage. */
  entered: number;
  succeeded: number;
  failed: number;
  superseded: number;
  /** succeeded / (succeeded + failed), null before any result. */
  passRate: number | null;
  /** Mean minutes an execution waited at the stage's entrance (or for a decision, at Approval). */
  meanWaitingMinutes: number | null;
  /** Mean minutes of work at the stage. */
  meanWorkingMinutes: number | null;
}

export interface Metrics {
  window: Window & { days: number };
  commits: number;
  deployments: number;
  failedChanges: number;
  incidents: number;
  deploymentsPerDay: number;
  leadTimeHours: LeadTime;
  /** Failed changes / production deployments (0-1), null without deployments. */
  changeFailureRate: number | null;
  timeToRestoreHours: { median: number | null; p90: number | null; restored: number; open: number };
  batchSize: { mean: number | null; median: number | null; max: number };
  /** Per decision: hours from the first revision reaching the gate (since the last decision) to the decision. */
  approvalWaitHours: { median: number | null; mean: number | null; decisions: number };
  stages: Record<StageName, StageTimes>;
  handoffs: { count: number; hoursWaiting: number };
  rollbacks: number;
  /** The four keys placed in the DORA bands of `bands.year`. */
  bands: { year: number; source: string } & Record<KeyMetric, BandRule | null>;
}

const STAGE_NAMES: readonly StageName[] = ['source', 'build', 'test', 'approval', 'deploy'];

/**
 * The DORA four keys and their friends, computed from nothing but the event log (the way fourkeys
 * computes them from deployment and incident events). Pure: the same log gives the same numbers.
 */
export function computeMetrics(log: readonly LoggedEvent[], window: Window, table: BandTable = DORA_2024): Metrics {
  const { from, to } = window;
  const inWindow = (t: number) => t >= from && t < to;
  const days = Math.max(1e-9, (to - from) / MINUTES_PER_DAY);

  const pushedAt = new Map<number, number>();
  const leadMinutes: number[] = [];
  const pendingMinutes: number[] = [];
  let maxDeployed = 0;
  let deployments = 0;
  let failedChanges = 0;
  const batches: number[] = [];
  const incidentStart = new Map<number, number>();
  const restoreMinutes: number[] = [];
  let incidents = 0;
  let handoffs = 0;
  let handoffMinutes = 0;
  let rollbacks = 0;

  const entered = new Map<string, number>();
  const started = new Map<string, number>();
  const stageAcc = new Map<StageName, { entered: number; succeeded: number; failed: number; superseded: number; waits: number[]; works: number[] }>();
  for (const s of STAGE_NAMES) stageAcc.set(s, { entered: 0, succeeded: 0, failed: 0, superseded: 0, waits: [], works: [] });
  const approvalWaits: number[] = [];
  /** Since when work has waited at the Approval gate without a decision (superseded revisions included). */
  let gateOccupiedSince: number | null = null;
  const key = (execution: number, stage: StageName) => `${execution}:${stage}`;
  const closeVisit = (execution: number, stage: StageName, t: number, result: 'succeeded' | 'failed' | 'superseded') => {
    const k = key(execution, stage);
    const enteredAt = entered.get(k);
    if (enteredAt === undefined) return;
    const acc = stageAcc.get(stage)!;
    acc[result]++;
    const startedAt = started.get(k);
    if (stage === 'approval') {
      acc.waits.push(t - enteredAt);
      if (result !== 'superseded') {
        approvalWaits.push(t - (gateOccupiedSince ?? enteredAt));
        gateOccupiedSince = null;
      }
    } else if (startedAt !== undefined) {
      acc.waits.push(startedAt - enteredAt);
      acc.works.push(t - startedAt);
    } else {
      acc.waits.push(t - enteredAt);
    }
    entered.delete(k);
    started.delete(k);
  };

  for (const e of log) {
    if (e.t >= to) break;
    switch (e.type) {
      case 'commit.pushed':
        if (inWindow(e.t)) pushedAt.set(e.commit, e.t);
        break;
      case 'deploy.succeeded':
        if (!inWindow(e.t)) {
          maxDeployed = Math.max(maxDeployed, e.revision);
          break;
        }
        deployments++;
        batches.push(e.batch);
        if (e.defects.length > 0) failedChanges++;
        // Lead time ends at the first deployment that carries the commit (a rollback does not reset it).
        for (let seq = maxDeployed + 1; seq <= e.revision; seq++) {
          const at = pushedAt.get(seq);
          if (at !== undefined) {
            leadMinutes.push(e.t - at);
            pushedAt.delete(seq);
          }
        }
        maxDeployed = Math.max(maxDeployed, e.revision);
        closeVisit(e.execution, 'deploy', e.t, 'succeeded');
        break;
      case 'incident.started':
        if (inWindow(e.t)) {
          incidents++;
          incidentStart.set(e.incident, e.t);
        }
        break;
      case 'incident.restored': {
        const start = incidentStart.get(e.incident);
        if (start !== undefined) {
          restoreMinutes.push(e.t - start);
          incidentStart.delete(e.incident);
        }
        break;
      }
      case 'deploy.rolledBack':
        if (inWindow(e.t)) rollbacks++;
        break;
      case 'handoff.queued':
        if (inWindow(e.t)) handoffs++;
        break;
      case 'handoff.done':
        if (inWindow(e.t)) handoffMinutes += e.waited;
        break;
      case 'stage.entered':
        if (inWindow(e.t)) {
          entered.set(key(e.execution, e.stage), e.t);
          stageAcc.get(e.stage)!.entered++;
          if (e.stage === 'approval' && gateOccupiedSince === null) gateOccupiedSince = e.t;
        }
        break;
      case 'stage.started':
        started.set(key(e.execution, e.stage), e.t);
        break;
      case 'stage.succeeded':
        if (e.stage !== 'deploy') closeVisit(e.execution, e.stage, e.t, 'succeeded');
        break;
      case 'stage.failed':
        closeVisit(e.execution, e.stage, e.t, 'failed');
        break;
      case 'execution.superseded':
        closeVisit(e.execution, e.stage, e.t, 'superseded');
        break;
      case 'approval.granted':
        closeVisit(e.execution, 'approval', e.t, 'succeeded');
        break;
      case 'approval.rejected':
        closeVisit(e.execution, 'approval', e.t, 'failed');
        break;
      default:
        break;
    }
  }

  for (const at of pushedAt.values()) pendingMinutes.push(to - at);
  const leadTimeHours = leadTimeWithPending(leadMinutes, pendingMinutes);
  const restoreSorted = sortNumbers(restoreMinutes);
  const batchSorted = sortNumbers(batches);
  const approvalSorted = sortNumbers(approvalWaits);
  const deploymentsPerDay = deployments / days;
  const changeFailureRate = deployments > 0 ? failedChanges / deployments : null;
  const restoreMedian = hours(median(restoreSorted));

  const stages = {} as Record<StageName, StageTimes>;
  for (const [stage, acc] of stageAcc) {
    const results = acc.succeeded + acc.failed;
    stages[stage] = {
      entered: acc.entered,
      succeeded: acc.succeeded,
      failed: acc.failed,
      superseded: acc.superseded,
      passRate: results > 0 ? acc.succeeded / results : null,
      meanWaitingMinutes: mean(acc.waits),
      meanWorkingMinutes: mean(acc.works),
    };
  }

  return {
    window: { from, to, days },
    commits: leadMinutes.length + pendingMinutes.length,
    deployments,
    failedChanges,
    incidents,
    deploymentsPerDay,
    leadTimeHours,
    changeFailureRate,
    timeToRestoreHours: {
      median: restoreMedian,
      p90: hours(quantile(restoreSorted, 0.9)),
      restored: restoreMinutes.length,
      open: incidentStart.size,
    },
    batchSize: { mean: mean(batches), median: median(batchSorted), max: batchSorted[batchSorted.length - 1] ?? 0 },
    approvalWaitHours: { median: hours(median(approvalSorted)), mean: hours(mean(approvalWaits)), decisions: approvalWaits.length },
    stages,
    handoffs: { count: handoffs, hoursWaiting: handoffMinutes / 60 },
    rollbacks,
    bands: {
      year: table.year,
      source: table.source,
      deploymentFrequency: classify('deploymentFrequency', deploymentsPerDay, table),
      leadTime: classify('leadTime', leadTimeHours.median, table),
      changeFailureRate: classify('changeFailureRate', changeFailureRate, table),
      timeToRestore: classify('timeToRestore', restoreMedian, table),
    },
  };
}

function hours(minutes: number | null): number | null {
  return minutes === null ? null : minutes / 60;
}

/**
 * Median and p90 over every commit pushed in the window. A pending commit counts at its age when the
 * window ends, a lower bound of its real lead time; if a quantile lands on one, it is flagged.
 */
export function leadTimeWithPending(deployedMinutes: readonly number[], pendingMinutes: readonly number[]): LeadTime {
  const all = [...deployedMinutes.map((m) => ({ m, pending: false })), ...pendingMinutes.map((m) => ({ m, pending: true }))];
  all.sort((a, b) => a.m - b.m);
  const at = (q: number) => {
    if (all.length === 0) return { value: null, lower: false };
    const pos = (all.length - 1) * q;
    const lo = all[Math.floor(pos)]!;
    const hi = all[Math.ceil(pos)]!;
    return { value: (lo.m + (hi.m - lo.m) * (pos - Math.floor(pos))) / 60, lower: lo.pending || hi.pending };
  };
  const med = at(0.5);
  const p90 = at(0.9);
  return {
    median: med.value,
    p90: p90.value,
    medianIsLowerBound: med.lower,
    p90IsLowerBound: p90.lower,
    deployed: deployedMinutes.length,
    pending: pendingMinutes.length,
  };
}
