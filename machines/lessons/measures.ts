import type { LoggedEvent } from '../events';
import type { Simulation } from '../engine/simulation';
import type { Incident } from '../engine/types';
import type { Metrics } from '../metrics/metrics';
import { isWorkingTime } from '../sim/calendar';

/** What a measure reads: the run, its metrics so far, the moment that met a goal, the step's tallies. */
export interface MeasureContext {
  sim: Simulation;
  /** The run's metrics from its start to now (computed once per context, on demand). */
  metrics(): Metrics;
  /** The event that met (or may meet) the goal; null when measured outside a moment (the debrief). */
  moment: LoggedEvent | null;
  /** Events of the current step so far, by type and a few fields: see `tallyKey`. */
  tally: ReadonlyMap<string, number>;
}

export type MeasureValue = number | string | null;

export interface Measure {
  /** As a learner reads it beside the number: "commits in the release". */
  label: string;
  /** 'hours' and 'minutes' are durations; 'share' is 0-1, shown as a percentage; 'word' is a choice. */
  unit: 'commits' | 'count' | 'hours' | 'minutes' | 'share' | 'word';
  /** Which way is better, for the debrief; null when neither is. */
  better: 'lower' | 'higher' | null;
  value(context: MeasureContext): MeasureValue;
}

/** Keys the step tally counts: an event's type, and for stage events its stage ("stage.failed:build"). */
export function tallyKey(e: LoggedEvent): string[] {
  const keys: string[] = [e.type];
  if ('stage' in e) keys.push(`${e.type}:${e.stage}`);
  if (e.type === 'stage.failed') keys.push(`stage.failed:${e.stage}:${e.reason}`);
  return keys;
}

function latestIncident(sim: Simulation): Incident | undefined {
  let latest: Incident | undefined;
  for (const incident of sim.incidents.values()) if (!latest || incident.id > latest.id) latest = incident;
  return latest;
}

/** The incident the moment is about, or the latest one. */
function incidentOf(context: MeasureContext): Incident | undefined {
  const m = context.moment;
  if (m && 'incident' in m && typeof m.incident === 'number') return context.sim.incidents.get(m.incident);
  return latestIncident(context.sim);
}

function roleOf(sim: Simulation, name: string | undefined): string | null {
  if (!name) return null;
  return sim.team.everyone.find((p) => p.name === name)?.role ?? null;
}

/** Commits that an injected break-build fault made fail to compile. */
function injectedBreaks(log: readonly LoggedEvent[], end = Infinity): Set<number> {
  const broken = new Set<number>();
  for (const e of log) {
    if (e.t > end) break;
    if (e.type === 'fault.applied' && e.fault === 'break-build' && e.commit !== undefined) broken.add(e.commit);
  }
  return broken;
}

/**
 * Where a run-level count stops: the goal's moment, or the end of the context's window (the debrief
 * measures the reference run at the moment the learner's run ended, which may be before its `now`).
 */
function endOf({ moment, sim, metrics }: MeasureContext): number {
  return moment ? sim.now : Math.min(sim.now, metrics().window.to);
}

/**
 * Main is red while the newest revision that has finished Build failed it: every push after a
 * broken commit carries it, so it stays red until a revision with the fix passes. `state` is null
 * before any build has finished; `redMinutes` adds up the red spells up to `now`.
 */
function mainBuild(log: readonly LoggedEvent[], now: number): { state: 'green' | 'red' | null; redMinutes: number } {
  let newest = -1;
  let state: 'green' | 'red' | null = null;
  let redSince = 0;
  let redMinutes = 0;
  for (const e of log) {
    if (e.t > now) break;
    if ((e.type !== 'stage.succeeded' && e.type !== 'stage.failed') || e.stage !== 'build' || e.revision < newest) continue;
    newest = e.revision;
    const next = e.type === 'stage.failed' ? 'red' : 'green';
    if (next === 'red' && state !== 'red') redSince = e.t;
    if (next === 'green' && state === 'red') redMinutes += e.t - redSince;
    state = next;
  }
  if (state === 'red') redMinutes += now - redSince;
  return { state, redMinutes };
}

/**
 * Every number a lesson can ask about, check or compare, by name. Lessons refer to them by id, so a
 * lesson stays data and the schema can tell a misspelt measure at test time.
 */
export const MEASURES = {
  batch: {
    label: 'commits in the deployment',
    unit: 'commits',
    better: null,
    value: ({ moment, sim }) => {
      if (moment?.type === 'deploy.succeeded') return moment.batch;
      return sim.deployments.at(-1)?.batch ?? null;
    },
  },
  meanBatch: { label: 'mean batch', unit: 'commits', better: 'lower', value: ({ metrics }) => metrics().batchSize.mean },
  waitingAtApproval: {
    label: 'commits waiting at Approval',
    unit: 'commits',
    better: 'lower',
    value: ({ moment, sim }) => (moment?.type === 'approval.requested' ? moment.pendingCommits : sim.undeployedCommits(sim.headRevision)),
  },
  undeployed: { label: 'commits not yet in production', unit: 'commits', better: 'lower', value: ({ sim }) => sim.undeployedCommits(sim.headRevision) },
  deployments: { label: 'deployments', unit: 'count', better: 'higher', value: ({ metrics }) => metrics().deployments },
  leadTimeMedian: { label: 'median lead time', unit: 'hours', better: 'lower', value: ({ metrics }) => metrics().leadTimeHours.median },
  leadTimeMean: { label: 'mean lead time', unit: 'hours', better: 'lower', value: ({ metrics }) => metrics().leadTimeHours.mean },
  changeFailureRate: { label: 'change failure rate', unit: 'share', better: 'lower', value: ({ metrics }) => metrics().changeFailureRate },
  failedChanges: { label: 'failed changes', unit: 'count', better: 'lower', value: ({ metrics }) => metrics().failedChanges },
  incidents: { label: 'incidents', unit: 'count', better: 'lower', value: ({ metrics }) => metrics().incidents },
  restoreMedian: { label: 'median recovery time', unit: 'hours', better: 'lower', value: ({ metrics }) => metrics().timeToRestoreHours.median },
  approvalWaitMedian: { label: 'median wait at Approval', unit: 'hours', better: 'lower', value: ({ metrics }) => metrics().approvalWaitHours.median },
  handoffs: { label: 'handoffs between Dev and Ops', unit: 'count', better: 'lower', value: ({ metrics }) => metrics().handoffs.count },
  handoffHours: { label: 'working hours waiting on handoffs', unit: 'hours', better: 'lower', value: ({ metrics }) => metrics().handoffs.hoursWaiting },
  customerImpact: {
    label: 'customer impact (error-weighted minutes)',
    unit: 'minutes',
    better: 'lower',
    value: ({ metrics }) => metrics().customerImpactMinutes,
  },
  rollbacks: { label: 'rollbacks', unit: 'count', better: null, value: ({ metrics }) => metrics().rollbacks },
  detectedBy: {
    label: 'who noticed the incident',
    unit: 'word',
    better: null,
    value: (context) => incidentOf(context)?.detectedBy ?? null,
  },
  minutesToDetect: {
    label: 'minutes from the fault to someone noticing',
    unit: 'minutes',
    better: 'lower',
    value: (context) => {
      const incident = incidentOf(context);
      return incident?.detectedAt === undefined ? null : incident.detectedAt - incident.startedAt;
    },
  },
  minutesToRestore: {
    label: 'minutes from the fault to recovery',
    unit: 'minutes',
    better: 'lower',
    value: (context) => {
      const incident = incidentOf(context);
      return incident?.restoredAt === undefined ? null : incident.restoredAt - incident.startedAt;
    },
  },
  restoredBy: { label: 'how production was put right', unit: 'word', better: null, value: (context) => incidentOf(context)?.restoredBy ?? null },
  pagedRole: {
    label: 'who was paged',
    unit: 'word',
    better: null,
    value: (context) => roleOf(context.sim, incidentOf(context)?.paged),
  },
  stageMinutes: {
    label: 'minutes the stage worked',
    unit: 'minutes',
    better: 'lower',
    value: ({ moment, sim }) => {
      if (moment?.type !== 'stage.succeeded' && moment?.type !== 'stage.failed') return null;
      const visit = sim.executions.get(moment.execution)?.visits.findLast((v) => v.stage === moment.stage);
      return visit?.startedAt === undefined ? null : moment.t - visit.startedAt;
    },
  },
  buildFailures: { label: 'failed builds in this step', unit: 'count', better: 'lower', value: ({ tally }) => tally.get('stage.failed:build') ?? 0 },
  defectsCaught: {
    label: 'defects the tests caught in this step',
    unit: 'count',
    better: 'higher',
    value: ({ tally }) => tally.get('stage.failed:test:defect-caught') ?? 0,
  },
  afterHours: {
    label: 'when it happened',
    unit: 'word',
    better: null,
    value: ({ moment, sim }) => (moment ? (isWorkingTime(moment.t, sim.settings.workingHours) ? 'working-hours' : 'after-hours') : null),
  },
  testCoverage: { label: 'test coverage', unit: 'share', better: 'higher', value: ({ sim }) => sim.testCoverage },
  // Lessons 5 (Continuous Deployment) and 7 (Monitoring and feedback):
  pushToProduction: {
    label: 'minutes from the newest commit’s push to production',
    unit: 'minutes',
    better: 'lower',
    value: ({ moment, sim }) => {
      if (moment?.type !== 'deploy.succeeded') return null;
      const pushed = sim.commit(moment.revision)?.pushedAt;
      return pushed === undefined ? null : moment.t - pushed;
    },
  },
  culprit: {
    label: 'what broke production',
    unit: 'word',
    better: null,
    value: (context) => {
      const incident = incidentOf(context);
      if (!incident) return null;
      const injected = context.sim.log.some(
        (e) => e.type === 'fault.applied' && e.fault === 'escape-defect' && e.commit !== undefined && incident.culprits.includes(e.commit),
      );
      return injected ? 'injected' : 'natural';
    },
  },
  monitoring: { label: 'monitoring', unit: 'word', better: null, value: ({ sim }) => (sim.settings.monitoring ? 'on' : 'off') },
  // Lesson 4, Continuous Delivery: the pile-up behind the gate, and what a rejection does.
  testedWaiting: {
    label: 'tested commits not yet in production',
    unit: 'commits',
    better: 'lower',
    value: ({ sim }) => {
      const tested = sim.log.findLast((e) => e.type === 'stage.succeeded' && e.stage === 'test');
      return tested?.type === 'stage.succeeded' ? sim.undeployedCommits(tested.revision) : 0;
    },
  },
  carriesRejected: {
    label: 'whether the deployment carried the rejected commits',
    unit: 'word',
    better: null,
    value: ({ moment, sim }) => {
      if (moment?.type !== 'deploy.succeeded') return null;
      const rejected = sim.log.findLast((e) => e.type === 'approval.rejected' && e.t <= moment.t);
      if (rejected?.type !== 'approval.rejected') return null;
      return moment.from < rejected.revision && rejected.revision <= moment.revision ? 'yes' : 'no';
    },
  },
  // Lesson 8, Dev and Ops.
  handoffWait: {
    label: 'working hours the ticket waited',
    unit: 'hours',
    better: 'lower',
    value: ({ moment }) => (moment?.type === 'handoff.done' ? moment.workingMinutes / 60 : null),
  },
  faultsInjected: { label: 'faults injected in this step', unit: 'count', better: null, value: ({ tally }) => tally.get('fault.injected') ?? 0 },
  culture: { label: 'culture', unit: 'word', better: null, value: ({ sim }) => sim.settings.culture },
  // Lessons 3 (the quarterly release) and 6 (release cadence).
  hoursToRestore: {
    label: 'hours from the fault to recovery',
    unit: 'hours',
    better: 'lower',
    value: (context) => {
      const incident = incidentOf(context);
      return incident?.restoredAt === undefined ? null : (incident.restoredAt - incident.startedAt) / 60;
    },
  },
  openIncidents: { label: 'incidents still open', unit: 'count', better: 'lower', value: ({ sim }) => sim.openIncidents().length },
  approvalsPerDay: { label: 'scheduled approvals per working day', unit: 'count', better: null, value: ({ sim }) => sim.settings.approvalsPerDay },
  // Lesson 2, Continuous Integration: whether main is green, and how long it was red.
  brokeOnInjected: {
    label: 'whether Build failed on a commit you broke',
    unit: 'word',
    better: null,
    value: ({ moment, sim }) => {
      if (moment?.type !== 'stage.failed' || moment.stage !== 'build') return null;
      const broken = injectedBreaks(sim.log);
      return moment.culprits.some((c) => broken.has(c)) ? 'yes' : 'no';
    },
  },
  greenAfterBreak: {
    label: 'whether this build carries the fix for a commit you broke',
    unit: 'word',
    better: null,
    value: ({ moment, sim }) => {
      if (moment?.type !== 'stage.succeeded' || moment.stage !== 'build') return null;
      // A revision newer than the broken commit passes Build only once the fix is in it.
      for (const c of injectedBreaks(sim.log)) if (c <= moment.revision) return 'yes';
      return 'no';
    },
  },
  laterBuildFailures: {
    label: 'later pushes that failed Build on a commit you broke',
    unit: 'count',
    better: 'lower',
    value: (context) => {
      const { log } = context.sim;
      const end = endOf(context);
      const broken = injectedBreaks(log, end);
      let failed = 0;
      for (const e of log) {
        if (e.t > end) break;
        if (e.type === 'stage.failed' && e.stage === 'build' && e.culprits.some((c) => broken.has(c) && c < e.revision)) failed++;
      }
      return failed;
    },
  },
  mainBuild: { label: 'main', unit: 'word', better: null, value: (context) => mainBuild(context.sim.log, endOf(context)).state },
  minutesMainRed: {
    label: 'time main was red',
    unit: 'minutes',
    better: 'lower',
    value: (context) => mainBuild(context.sim.log, endOf(context)).redMinutes,
  },
  buildsFailed: { label: 'failed builds', unit: 'count', better: 'lower', value: ({ metrics }) => metrics().stages.build.failed },
  /** The mode the running pipeline has now (its template can change it: no Approval stage is Continuous Deployment). */
  pipelineMode: { label: 'how the pipeline releases', unit: 'word', better: null, value: ({ sim }) => sim.settings.mode },
  driftedResources: {
    label: 'resources drifted from the template',
    unit: 'count',
    better: 'lower',
    value: ({ sim }) => (sim.stack.drift ?? []).filter((d) => d.status === 'MODIFIED' || d.status === 'DELETED').length,
  },
} satisfies Record<string, Measure>;

export type MeasureId = keyof typeof MEASURES;

export const MEASURE_IDS = Object.keys(MEASURES) as MeasureId[];

export function isMeasureId(id: string): id is MeasureId {
  return Object.hasOwn(MEASURES, id);
}

export function measure(id: MeasureId, context: MeasureContext): MeasureValue {
  return (MEASURES[id] as Measure).value(context);
}
