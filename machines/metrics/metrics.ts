import type { LoggedEvent, StageName } from '../events';
import { MINUTES_PER_DAY, dayOf, isWorkday } from '../sim/calendar';
import {
  DORA_2024,
  MIN_TO_BAND,
  classify,
  placeDeploymentFrequency,
  tooFew,
  type BandGap,
  type BandRule,
  type BandTable,
  type Cadence,
  type KeyMetric,
} from './dora';
import { mean, median, sortNumbers } from './stats';

export interface Window {
  /** Virtual minutes, inclusive. */
  from: number;
  /** Virtual minutes, exclusive; also "now" for commits still pending. */
  to: number;
}

/** A median and p90 in hours, over finished items and items still open at their age (lower bounds). */
export interface Durations {
  median: number | null;
  p90: number | null;
  /** True when the median (or p90) lands on an open item: the real value is at least this. */
  medianIsLowerBound: boolean;
  p90IsLowerBound: boolean;
  /**
   * The mean, open items at their age: a lower bound when any item is open, but one that only grows
   * when anything is delayed, so two runs over the same span compare fairly even when a release slips.
   */
  mean: number | null;
}

export interface LeadTime extends Durations {
  /** Commits pushed in the window that run in production at its end. */
  deployed: number;
  /** Commits pushed in the window that do not run in production at its end (never shipped, or rolled back). */
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
  /**
   * Mean minutes an execution waited at the stage's entrance. At Approval: per decision, since work
   * first reached the gate (the same measure as `approvalWaitHours`).
   */
  meanWaitingMinutes: number | null;
  /** Mean minutes of work at the stage. */
  meanWorkingMinutes: number | null;
}

/** The last hand release of the window, when it had not reached production by the window's end. */
export interface UnfinishedRelease {
  /** `failed`: a step went wrong and the retry comes after the window; `in-progress`: still running. */
  state: 'failed' | 'in-progress';
  since: number;
}

export interface Metrics {
  window: Window & { days: number };
  commits: number;
  deployments: number;
  failedChanges: number;
  /** Incidents caused by production drifting from the template (hand changes, snowflake environments). */
  driftIncidents: number;
  incidents: number;
  deploymentsPerDay: number;
  /** How often the team deploys, by day, week and month: what deployment frequency is banded by. */
  cadence: Cadence;
  leadTimeHours: LeadTime;
  /** Failed changes / production deployments (0-1), null without deployments. */
  changeFailureRate: number | null;
  /** Failed deployment recovery time (formerly time to restore service): open incidents count at their age. */
  timeToRestoreHours: Durations & { restored: number; open: number };
  /**
   * Commits per deployment attempt, each commit once per attempt; `reshipped`: how many of them, over
   * the window, had been in production before and were rolled back out.
   */
  batchSize: { mean: number | null; median: number | null; max: number; reshipped: number };
  /** Per decision: hours from the first revision reaching the gate (since the last decision) to the decision. */
  approvalWaitHours: { median: number | null; mean: number | null; decisions: number };
  stages: Record<StageName, StageTimes>;
  /** Tickets between Dev and Ops; waiting in working hours (nights and weekends left out). */
  handoffs: { count: number; hoursWaiting: number };
  rollbacks: number;
  failedRollbacks: number;
  hotfixes: number;
  /** Error-rate-weighted minutes of incidents: 30 minutes at 10% failing requests is 3. */
  customerImpactMinutes: number;
  unfinishedRelease: UnfinishedRelease | null;
  /** The four keys placed in the DORA bands of `bands.year`; null with a reason in `bandNotes`. */
  bands: { year: number; source: string } & Record<KeyMetric, BandRule | null>;
  bandNotes: Record<KeyMetric, string | null>;
  /** The kind of each note, for a view that names it in a word; null when banded. */
  bandGaps: Record<KeyMetric, BandGap | null>;
}

const STAGE_NAMES: readonly StageName[] = ['source', 'build', 'test', 'approval', 'deploy'];
const STAGE_INDEX: Record<StageName, number> = { source: 0, build: 1, test: 2, approval: 3, deploy: 4 };

/**
 * When each execution entered and started its current stage. An execution is at one stage at a
 * time, so one slot per execution holds it, in growing typed arrays: a map would churn millions of
 * entries in a ten-year run, and the garbage collector would pay for each.
 */
class Visits {
  private stage = new Int8Array(1024).fill(-1);
  private entered = new Float64Array(1024);
  private started = new Float64Array(1024).fill(NaN);

  enter(execution: number, stage: StageName, t: number): void {
    if (execution >= this.stage.length) this.grow(execution);
    this.stage[execution] = STAGE_INDEX[stage];
    this.entered[execution] = t;
    this.started[execution] = NaN;
  }

  start(execution: number, stage: StageName, t: number): void {
    if (execution < this.stage.length && this.stage[execution] === STAGE_INDEX[stage]) this.started[execution] = t;
  }

  /** The visit's entry and start times, if `execution` is at `stage`; the visit is then forgotten. */
  close(execution: number, stage: StageName): { enteredAt: number; startedAt: number | undefined } | undefined {
    if (execution >= this.stage.length || this.stage[execution] !== STAGE_INDEX[stage]) return undefined;
    this.stage[execution] = -1;
    const started = this.started[execution]!;
    return { enteredAt: this.entered[execution]!, startedAt: Number.isNaN(started) ? undefined : started };
  }

  private grow(execution: number): void {
    let size = this.stage.length;
    while (size <= execution) size *= 2;
    const stage = new Int8Array(size).fill(-1);
    stage.set(this.stage);
    const entered = new Float64Array(size);
    entered.set(this.entered);
    const started = new Float64Array(size).fill(NaN);
    started.set(this.started);
    this.stage = stage;
    this.entered = entered;
    this.started = started;
  }
}

interface StageAcc {
  entered: number;
  succeeded: number;
  failed: number;
  superseded: number;
  /** Sums and counts, not lists: long runs have millions of visits and only the means are shown. */
  waitSum: number;
  waits: number;
  workSum: number;
  works: number;
}

/**
 * The DORA four keys and their friends, computed from nothing but the event log (the way fourkeys
 * computes them from deployment and incident events). Events are added one at a time, so a long
 * headless run can measure itself without keeping its log. Pure: the same events give the same numbers.
 */
export class MetricsAccumulator {
  private readonly window: Window;
  /** Per commit seq: push time (NaN when pushed outside the window or not seen). */
  private pushedAt = new Float64Array(1024).fill(NaN);
  /** Per commit seq: when the deployment that put it in production finished (NaN while not in production). */
  private deployedAt = new Float64Array(1024).fill(NaN);
  private maxSeq = 0;
  /** Fix commits running as a hotfix on top of production's revision, until a release carries them. */
  private readonly patched = new Set<number>();
  private deployments = 0;
  private failedChanges = 0;
  private driftIncidents = 0;
  private readonly batches: number[] = [];
  private reshipped = 0;
  private readonly deployTimes: number[] = [];
  private readonly incidentStart = new Map<number, { t: number; errorRate: number }>();
  private readonly restoreMinutes: number[] = [];
  private incidents = 0;
  private impact = 0;
  private handoffs = 0;
  private handoffMinutes = 0;
  private rollbacks = 0;
  private failedRollbacks = 0;
  private hotfixes = 0;
  private deployAttempt: UnfinishedRelease | null = null;
  private readonly visits = new Visits();
  private readonly stageAcc = new Map<StageName, StageAcc>();
  private readonly approvalWaits: number[] = [];
  /** Since when work has waited at the Approval gate without a decision (superseded revisions included). */
  private gateOccupiedSince: number | null = null;

  constructor(window: Window) {
    this.window = window;
    for (const s of STAGE_NAMES) this.stageAcc.set(s, { entered: 0, succeeded: 0, failed: 0, superseded: 0, waitSum: 0, waits: 0, workSum: 0, works: 0 });
  }

  private inWindow(t: number): boolean {
    return t >= this.window.from && t < this.window.to;
  }

  private grow(seq: number): void {
    if (seq < this.pushedAt.length) return;
    let size = this.pushedAt.length;
    while (size <= seq) size *= 2;
    const pushed = new Float64Array(size).fill(NaN);
    pushed.set(this.pushedAt);
    const deployed = new Float64Array(size).fill(NaN);
    deployed.set(this.deployedAt);
    this.pushedAt = pushed;
    this.deployedAt = deployed;
  }

  private closeVisit(execution: number, stage: StageName, t: number, result: 'succeeded' | 'failed' | 'superseded'): void {
    const visit = this.visits.close(execution, stage);
    if (visit === undefined) return;
    const { enteredAt, startedAt } = visit;
    const acc = this.stageAcc.get(stage)!;
    acc[result]++;
    if (stage === 'approval') {
      if (result !== 'superseded') {
        const wait = t - (this.gateOccupiedSince ?? enteredAt);
        this.approvalWaits.push(wait);
        acc.waitSum += wait;
        acc.waits++;
        this.gateOccupiedSince = null;
      }
    } else if (startedAt !== undefined) {
      acc.waitSum += startedAt - enteredAt;
      acc.waits++;
      acc.workSum += t - startedAt;
      acc.works++;
    } else {
      acc.waitSum += t - enteredAt;
      acc.waits++;
    }
  }

  /** Adds one event; events must come in log order. Events at or after the window's end are ignored. */
  add(e: LoggedEvent): void {
    if (e.t >= this.window.to) return;
    const inWindow = this.inWindow(e.t);
    switch (e.type) {
      case 'commit.pushed':
        this.grow(e.commit);
        this.maxSeq = Math.max(this.maxSeq, e.commit);
        if (inWindow) this.pushedAt[e.commit] = e.t;
        break;
      case 'deploy.succeeded': {
        this.grow(e.revision);
        // Commits count as delivered from the deployment that put them in production; a rollback
        // takes them out again (see deploy.rolledBack), so lead time ends at the deployment that stuck.
        // A hotfix on a release branch delivers its fixes only; a later release does not deliver them again.
        if (e.patch.length > 0) {
          for (const seq of e.patch) {
            this.grow(seq);
            this.deployedAt[seq] = e.t;
            this.patched.add(seq);
          }
        } else {
          for (let seq = e.from + 1; seq <= e.revision; seq++) if (!this.patched.has(seq)) this.deployedAt[seq] = e.t;
          for (const seq of this.patched) if (seq <= e.revision) this.patched.delete(seq);
        }
        this.deployAttempt = null;
        if (!inWindow) break;
        this.deployments++;
        this.deployTimes.push(e.t);
        this.batches.push(e.batch);
        this.reshipped += e.reshipped;
        // A deployment onto production that drifted from the template fails there as it did not in staging.
        if (e.defects.length > 0 || e.drift) this.failedChanges++;
        if (e.hotfix) this.hotfixes++;
        this.closeVisit(e.execution, 'deploy', e.t, 'succeeded');
        break;
      }
      case 'deploy.rolledBack':
        for (let seq = e.to + 1; seq <= Math.min(e.from, this.maxSeq); seq++) this.deployedAt[seq] = NaN;
        for (const seq of this.patched) this.deployedAt[seq] = NaN;
        this.patched.clear();
        if (inWindow) this.rollbacks++;
        break;
      case 'rollback.failed':
        if (inWindow) this.failedRollbacks++;
        break;
      case 'incident.started':
        if (inWindow) {
          this.incidents++;
          if (e.drift) this.driftIncidents++;
          this.incidentStart.set(e.incident, { t: e.t, errorRate: e.errorRate });
        }
        break;
      case 'incident.restored': {
        const start = this.incidentStart.get(e.incident);
        if (start !== undefined) {
          this.restoreMinutes.push(e.t - start.t);
          this.impact += start.errorRate * (e.t - start.t);
          this.incidentStart.delete(e.incident);
        }
        break;
      }
      case 'handoff.queued':
        if (inWindow) this.handoffs++;
        break;
      case 'handoff.done':
        if (inWindow) this.handoffMinutes += e.workingMinutes;
        break;
      case 'stage.entered':
        if (inWindow) {
          this.visits.enter(e.execution, e.stage, e.t);
          this.stageAcc.get(e.stage)!.entered++;
          if (e.stage === 'approval' && this.gateOccupiedSince === null) this.gateOccupiedSince = e.t;
        }
        break;
      case 'stage.started':
        this.visits.start(e.execution, e.stage, e.t);
        if (e.stage === 'deploy') this.deployAttempt = { state: 'in-progress', since: e.t };
        break;
      case 'stage.succeeded':
        if (e.stage !== 'deploy') this.closeVisit(e.execution, e.stage, e.t, 'succeeded');
        break;
      case 'stage.failed':
        this.closeVisit(e.execution, e.stage, e.t, 'failed');
        if (e.stage === 'deploy') this.deployAttempt = { state: 'failed', since: e.t };
        break;
      case 'execution.superseded':
        this.closeVisit(e.execution, e.stage, e.t, 'superseded');
        break;
      case 'approval.granted':
        this.closeVisit(e.execution, 'approval', e.t, 'succeeded');
        break;
      case 'approval.rejected':
        this.closeVisit(e.execution, 'approval', e.t, 'failed');
        break;
      default:
        break;
    }
  }

  result(table: BandTable = DORA_2024): Metrics {
    const { from, to } = this.window;
    const days = Math.max(1e-9, (to - from) / MINUTES_PER_DAY);

    const leadMinutes: number[] = [];
    const pendingMinutes: number[] = [];
    for (let seq = 1; seq <= this.maxSeq; seq++) {
      const pushed = this.pushedAt[seq]!;
      if (Number.isNaN(pushed)) continue;
      const deployed = this.deployedAt[seq]!;
      if (Number.isNaN(deployed)) pendingMinutes.push(to - pushed);
      else leadMinutes.push(deployed - pushed);
    }
    const lead = durationsWithOpen(leadMinutes, pendingMinutes);
    const leadTimeHours: LeadTime = { ...lead, deployed: leadMinutes.length, pending: pendingMinutes.length };

    const openIncidentMinutes: number[] = [];
    let impact = this.impact;
    for (const start of this.incidentStart.values()) {
      openIncidentMinutes.push(to - start.t);
      impact += start.errorRate * (to - start.t);
    }
    const restore = durationsWithOpen(this.restoreMinutes, openIncidentMinutes);

    const batchSorted = sortNumbers(this.batches);
    const approvalSorted = sortNumbers(this.approvalWaits);
    const deploymentsPerDay = this.deployments / days;
    const changeFailureRate = this.deployments > 0 ? this.failedChanges / this.deployments : null;
    const cadence = cadenceOf(this.deployTimes, this.window);

    const stages = {} as Record<StageName, StageTimes>;
    for (const [stage, acc] of this.stageAcc) {
      const results = acc.succeeded + acc.failed;
      stages[stage] = {
        entered: acc.entered,
        succeeded: acc.succeeded,
        failed: acc.failed,
        superseded: acc.superseded,
        passRate: results > 0 ? acc.succeeded / results : null,
        meanWaitingMinutes: acc.waits > 0 ? acc.waitSum / acc.waits : null,
        meanWorkingMinutes: acc.works > 0 ? acc.workSum / acc.works : null,
      };
    }

    const frequency = placeDeploymentFrequency(cadence, table);
    type Gap = { kind: BandGap; text: string } | null;
    const fewDeployments: Gap = this.deployments < MIN_TO_BAND ? { kind: 'too-few', text: tooFew(this.deployments, 'deployment') } : null;
    const incidentsSeen = this.restoreMinutes.length + openIncidentMinutes.length;
    const gaps: Record<KeyMetric, Gap> = {
      deploymentFrequency: frequency.reason === null ? null : { kind: 'too-few', text: frequency.reason },
      leadTime:
        fewDeployments ??
        (lead.median === null
          ? { kind: 'no-data', text: 'no commits' }
          : lead.medianIsLowerBound
            ? { kind: 'lower-bound', text: 'no band for a lower bound: most commits are not in production yet' }
            : null),
      changeFailureRate: fewDeployments,
      timeToRestore:
        incidentsSeen < MIN_TO_BAND
          ? { kind: 'too-few', text: tooFew(incidentsSeen, 'incident') }
          : restore.medianIsLowerBound
            ? { kind: 'lower-bound', text: 'no band for a lower bound: most incidents are still open' }
            : null,
    };
    const notes = {} as Record<KeyMetric, string | null>;
    const bandGaps = {} as Record<KeyMetric, BandGap | null>;
    for (const key of Object.keys(gaps) as KeyMetric[]) {
      notes[key] = gaps[key]?.text ?? null;
      bandGaps[key] = gaps[key]?.kind ?? null;
    }

    return {
      window: { from, to, days },
      commits: leadMinutes.length + pendingMinutes.length,
      deployments: this.deployments,
      failedChanges: this.failedChanges,
      driftIncidents: this.driftIncidents,
      incidents: this.incidents,
      deploymentsPerDay,
      cadence,
      leadTimeHours,
      changeFailureRate,
      timeToRestoreHours: { ...restore, restored: this.restoreMinutes.length, open: openIncidentMinutes.length },
      batchSize: { mean: mean(this.batches), median: median(batchSorted), max: batchSorted[batchSorted.length - 1] ?? 0, reshipped: this.reshipped },
      approvalWaitHours: { median: hours(median(approvalSorted)), mean: hours(mean(this.approvalWaits)), decisions: this.approvalWaits.length },
      stages,
      handoffs: { count: this.handoffs, hoursWaiting: this.handoffMinutes / 60 },
      rollbacks: this.rollbacks,
      failedRollbacks: this.failedRollbacks,
      hotfixes: this.hotfixes,
      customerImpactMinutes: impact,
      unfinishedRelease: this.deployAttempt,
      bands: {
        year: table.year,
        source: table.source,
        deploymentFrequency: frequency.rule,
        leadTime: notes.leadTime ? null : classify('leadTime', lead.median, table),
        changeFailureRate: notes.changeFailureRate ? null : classify('changeFailureRate', changeFailureRate, table),
        timeToRestore: notes.timeToRestore ? null : classify('timeToRestore', restore.median, table),
      },
      bandNotes: notes,
      bandGaps,
    };
  }
}

/** The metrics of one window of a log. */
export function computeMetrics(log: readonly LoggedEvent[], window: Window, table: BandTable = DORA_2024): Metrics {
  const acc = new MetricsAccumulator(window);
  for (const e of log) {
    if (e.t >= window.to) break;
    acc.add(e);
  }
  return acc.result(table);
}

function hours(minutes: number | null): number | null {
  return minutes === null ? null : minutes / 60;
}

/** Cadence of deployments at `times` over the window: see `Cadence` in dora.ts. */
export function cadenceOf(times: readonly number[], window: Window): Cadence {
  const firstDay = dayOf(window.from);
  const lastDay = Math.max(firstDay, Math.ceil(window.to / MINUTES_PER_DAY) - 1);
  let workingDays = 0;
  for (let d = firstDay; d <= lastDay; d++) if (isWorkday(d)) workingDays++;
  const deployDays = new Set<number>();
  for (const t of times) deployDays.add(dayOf(t));
  let workingDeployDays = 0;
  for (const d of deployDays) if (isWorkday(d)) workingDeployDays++;
  const share = (length: number) => {
    const span = lastDay - firstDay + 1;
    // Whole periods only, so a run's ragged end does not count as a period without a deployment; a
    // run shorter than one period is one period.
    const periods = Math.max(1, Math.floor(span / length));
    const hit = new Set<number>();
    for (const d of deployDays) {
      const p = Math.floor((d - firstDay) / length);
      if (p < periods) hit.add(p);
    }
    return hit.size / periods;
  };
  return {
    deployments: times.length,
    perWorkingDay: times.length / Math.max(1, workingDays),
    daysWithDeploy: workingDeployDays / Math.max(1, workingDays),
    weeksWithDeploy: share(7),
    monthsWithDeploy: share(30),
  };
}

/**
 * Median and p90 over finished items and items still open at the window's end, counted at their age
 * (a lower bound of their real duration); when a quantile lands on an open item it is flagged.
 */
export function durationsWithOpen(finishedMinutes: readonly number[], openMinutes: readonly number[]): Durations {
  const all = [...finishedMinutes.map((m) => ({ m, open: false })), ...openMinutes.map((m) => ({ m, open: true }))];
  all.sort((a, b) => a.m - b.m);
  const at = (q: number) => {
    if (all.length === 0) return { value: null, lower: false };
    const pos = (all.length - 1) * q;
    const lo = all[Math.floor(pos)]!;
    const hi = all[Math.ceil(pos)]!;
    return { value: (lo.m + (hi.m - lo.m) * (pos - Math.floor(pos))) / 60, lower: lo.open || hi.open };
  };
  const med = at(0.5);
  const p90 = at(0.9);
  const total = all.reduce((sum, item) => sum + item.m, 0);
  return {
    median: med.value,
    p90: p90.value,
    medianIsLowerBound: med.lower,
    p90IsLowerBound: p90.lower,
    mean: all.length > 0 ? total / all.length / 60 : null,
  };
}

/** Lead time over deployed and pending commits (see `durationsWithOpen`). */
export function leadTimeWithPending(deployedMinutes: readonly number[], pendingMinutes: readonly number[]): LeadTime {
  return { ...durationsWithOpen(deployedMinutes, pendingMinutes), deployed: deployedMinutes.length, pending: pendingMinutes.length };
}
