import type { RestorePath } from '../events';
import { Simulation } from '../engine/simulation';
import { computeMetrics, type Metrics } from '../metrics/metrics';
import { MINUTES_PER_DAY } from '../sim/calendar';
import type { CommitKind } from '../world/commits';
import type { Mode } from '../world/modes';
import type { Settings } from '../world/settings';
import type { ReleasePlan } from './cadence';
import { modeSettings, orderModes, type CompareSettings } from './compareSettings';

/** What revealed a hidden problem in a commit, once something did. */
export type Found = 'build' | 'test' | 'production';

/** One commit pushed during the run, and what became of it. Times are virtual minutes. */
export interface CommitRecord {
  seq: number;
  sha: string;
  author: string;
  kind: CommitKind;
  size: number;
  message: string;
  pushedAt: number;
  /** First time a revision containing it passed Test; null if none did before the run ended. */
  testedAt: number | null;
  /** First time a revision containing it reached production; null while pending. */
  deployedAt: number | null;
  /** Id of that deployment. */
  deployment: number | null;
  /** deployedAt - pushedAt; null while pending. */
  leadMinutes: number | null;
  /** Where its hidden compile error or defect came to light (never shown before that happened). */
  found: Found | null;
}

/** One successful production deployment [CodeDeploy]. */
export interface DeploymentRecord {
  id: number;
  at: number;
  revision: number;
  sha: string;
  /** The revision production ran before. */
  from: number;
  /** Commits shipped: every commit in (from, revision]. */
  batch: number;
  /** Of the batch, commits shipped before and rolled back out. */
  reshipped: number;
  /** Shipped outside the calendar to put production right. */
  hotfix: boolean;
  /** Incidents it caused: one per defect that showed in production. */
  incidents: number;
  /** Commits with a defect it shipped; at least one makes it a failed change. */
  defects: number;
  failed: boolean;
  /** The incident it caused, if any. */
  incident: number | null;
  rolledBack: boolean;
  /** Who let it into production: "Priya (approver)", "Helen (release manager, by hand)", "automatic". */
  releasedBy: string;
}

export interface IncidentRecord {
  id: number;
  deployment: number;
  startedAt: number;
  detectedAt: number | null;
  detectedBy: 'alarm' | 'customers' | null;
  restoredAt: number | null;
  restoredBy: RestorePath | null;
  /** restoredAt - startedAt; null while open. */
  restoreMinutes: number | null;
  /** Share of requests failing while it lasted (0-1). */
  errorRate: number;
  culprits: number;
  /** Caused by an environment that drifted from the template, not by a commit's defect. */
  drift: boolean;
}

/** Cumulative counts sampled on one time grid: the cumulative flow and deployments over time. */
export interface FlowSeries {
  /** Sample times, virtual minutes from 0 to the end of the run. */
  t: number[];
  pushed: number[];
  tested: number[];
  deployed: number[];
  deployments: number[];
  failedChanges: number[];
}

/** One mode's headless run over the comparison's span, as plain, serialisable data. */
export interface ModeRun {
  mode: Mode;
  settings: Settings;
  plan: ReleasePlan;
  metrics: Metrics;
  commits: CommitRecord[];
  deployments: DeploymentRecord[];
  incidents: IncidentRecord[];
  flow: FlowSeries;
  /** Test coverage at the end: blameless postmortems raise it during the run. */
  testCoverageAtEnd: number;
}

export interface Comparison {
  compare: CompareSettings;
  runs: ModeRun[];
}

/**
 * Minutes between samples of the flow series: a whole number of hours that divides a day, for about
 * 600 samples over the run (every 4 h for 90 days, hourly up to 25 days): a point per pixel or two of
 * a chart, cheap to draw, and every day (so every week) ends on a sample.
 */
export function flowStep(days: number): number {
  const wanted = (days * MINUTES_PER_DAY) / 600;
  for (const hours of [1, 2, 3, 4, 6, 8, 12]) if (hours * 60 >= wanted) return hours * 60;
  return MINUTES_PER_DAY;
}

/**
 * Runs one mode headless for `settings.days` days and measures it over the whole run, exactly as
 * `runHeadless` does, plus what the comparison page shows: per-commit and per-deployment records and
 * the flow series.
 */
export function runMode(settings: Settings, plan: ReleasePlan): ModeRun {
  const end = settings.days * MINUTES_PER_DAY;
  // 'direct' stages: the engine's fast path for headless runs, with the same event log as the actors.
  const sim = new Simulation(settings, { stages: 'direct' });
  sim.runToEnd();
  const metrics = computeMetrics(sim.log, { from: 0, to: end });
  const records = buildRecords(sim, settings, end);
  return { mode: settings.mode, settings, plan, metrics, ...records, testCoverageAtEnd: sim.testCoverage };
}

/** Runs every mode of a comparison, in the product's mode order. */
export function runComparison(compare: CompareSettings): Comparison {
  const runs = orderModes(compare.modes).map((mode) => {
    const { settings, plan } = modeSettings(compare, mode);
    return runMode(settings, plan);
  });
  return { compare, runs };
}

function buildRecords(sim: Simulation, settings: Settings, end: number) {
  const commits: CommitRecord[] = [];
  const bySeq = new Map<number, CommitRecord>();
  for (const c of sim.allCommits()) {
    if (c.pushedAt >= end) continue;
    const record: CommitRecord = {
      seq: c.seq,
      sha: c.sha,
      author: c.author,
      kind: c.kind,
      size: c.size,
      message: c.message,
      pushedAt: c.pushedAt,
      testedAt: null,
      deployedAt: null,
      deployment: null,
      leadMinutes: null,
      found: null,
    };
    commits.push(record);
    bySeq.set(c.seq, record);
  }
  const reveal = (seqs: readonly number[], found: Found) => {
    for (const seq of seqs) {
      const r = bySeq.get(seq);
      if (r && r.found === null) r.found = found;
    }
  };

  const deployments: DeploymentRecord[] = [];
  const byDeployment = new Map<number, DeploymentRecord>();
  const approvedBy = new Map<number, string>();
  const incidentOfDeployment = new Map<number, number>();
  let maxTested = 0;
  /** Fix commits shipped as a hotfix on top of production, as the metrics track them. */
  const patched = new Set<number>();
  const releasedByHand = settings.mode === 'manual' || settings.mode === 'ci';

  for (const e of sim.log) {
    if (e.t >= end) break;
    switch (e.type) {
      case 'stage.succeeded':
        if (e.stage === 'test' && e.revision > maxTested) {
          for (let seq = maxTested + 1; seq <= e.revision; seq++) {
            const r = bySeq.get(seq);
            if (r) r.testedAt = e.t;
          }
          maxTested = e.revision;
        }
        break;
      case 'stage.failed':
        if (e.reason === 'compile-error') reveal(e.culprits, 'build');
        else if (e.reason === 'defect-caught') reveal(e.culprits, 'test');
        break;
      case 'approval.granted':
        approvedBy.set(e.execution, e.by);
        break;
      case 'deploy.succeeded': {
        // As the metrics count it: a commit is delivered by the deployment that put it in production
        // and kept it there; a rollback takes it out again (see deploy.rolledBack).
        const shipped = e.patch.length > 0 ? e.patch : Array.from({ length: Math.max(0, e.revision - e.from) }, (_, i) => e.from + 1 + i);
        if (e.patch.length > 0) for (const seq of e.patch) patched.add(seq);
        else for (const seq of [...patched]) if (seq <= e.revision) patched.delete(seq);
        for (const seq of shipped) {
          const r = bySeq.get(seq);
          if (r && (e.patch.length > 0 || r.deployedAt === null)) {
            r.deployedAt = e.t;
            r.deployment = e.deployment;
            r.leadMinutes = e.t - r.pushedAt;
          }
        }
        const by = approvedBy.get(e.execution);
        const record: DeploymentRecord = {
          id: e.deployment,
          at: e.t,
          revision: e.revision,
          sha: bySeq.get(e.revision)?.sha ?? sim.commit(e.revision)?.sha ?? String(e.revision),
          from: e.from,
          batch: e.batch,
          reshipped: e.reshipped,
          hotfix: e.hotfix,
          incidents: 0,
          defects: e.defects.length,
          failed: e.defects.length > 0,
          incident: null,
          rolledBack: false,
          releasedBy: releasedByHand ? `${by ?? sim.team.releaseManager.name}, by hand` : by ? `approved by ${by}` : 'automatic',
        };
        if (settings.mode === 'ci') record.releasedBy = e.hotfix ? 'by hand, as a hotfix' : 'by hand, on the release schedule';
        deployments.push(record);
        byDeployment.set(record.id, record);
        break;
      }
      case 'incident.started': {
        incidentOfDeployment.set(e.incident, e.deployment);
        reveal(e.culprits, 'production');
        const d = byDeployment.get(e.deployment);
        if (d) {
          if (d.incident === null) d.incident = e.incident;
          d.incidents++;
        }
        break;
      }
      case 'deploy.rolledBack': {
        const d = byDeployment.get(incidentOfDeployment.get(e.incident) ?? -1);
        if (d) d.rolledBack = true;
        const out = [...patched];
        patched.clear();
        for (let seq = e.to + 1; seq <= e.from; seq++) out.push(seq);
        for (const seq of out) {
          const r = bySeq.get(seq);
          if (r) {
            r.deployedAt = null;
            r.deployment = null;
            r.leadMinutes = null;
          }
        }
        break;
      }
      default:
        break;
    }
  }

  const incidents: IncidentRecord[] = [];
  for (const i of sim.incidents.values()) {
    if (i.startedAt >= end) continue;
    const restored = i.restoredAt !== undefined && i.restoredAt < end;
    incidents.push({
      id: i.id,
      deployment: i.deployment,
      startedAt: i.startedAt,
      detectedAt: i.detectedAt !== undefined && i.detectedAt < end ? i.detectedAt : null,
      detectedBy: i.detectedAt !== undefined && i.detectedAt < end ? (i.detectedBy ?? null) : null,
      restoredAt: restored ? i.restoredAt! : null,
      restoredBy: restored ? (i.restoredBy ?? null) : null,
      restoreMinutes: restored ? i.restoredAt! - i.startedAt : null,
      errorRate: i.errorRate,
      culprits: i.culprits.length,
      drift: i.drift !== undefined,
    });
  }
  incidents.sort((a, b) => a.id - b.id);

  return { commits, deployments, incidents, flow: buildFlow(commits, deployments, settings.days) };
}

/** Cumulative counts at each sample time (a count includes everything that happened at or before it). */
function buildFlow(commits: readonly CommitRecord[], deployments: readonly DeploymentRecord[], days: number): FlowSeries {
  const step = flowStep(days);
  const end = days * MINUTES_PER_DAY;
  const samples = Math.floor(end / step) + 1;
  const t: number[] = new Array(samples);
  for (let i = 0; i < samples; i++) t[i] = i * step;

  const cumulative = (times: number[]): number[] => {
    times.sort((a, b) => a - b);
    const out: number[] = new Array(samples);
    let k = 0;
    for (let i = 0; i < samples; i++) {
      while (k < times.length && times[k]! <= t[i]!) k++;
      out[i] = k;
    }
    return out;
  };
  const pushed: number[] = [];
  const tested: number[] = [];
  const deployed: number[] = [];
  for (const c of commits) {
    pushed.push(c.pushedAt);
    if (c.testedAt !== null) tested.push(c.testedAt);
    if (c.deployedAt !== null) deployed.push(c.deployedAt);
  }
  return {
    t,
    pushed: cumulative(pushed),
    tested: cumulative(tested),
    deployed: cumulative(deployed),
    deployments: cumulative(deployments.map((d) => d.at)),
    failedChanges: cumulative(deployments.filter((d) => d.failed).map((d) => d.at)),
  };
}
