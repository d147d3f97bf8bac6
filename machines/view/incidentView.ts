import type { RestorePath } from '../events';
import type { Simulation } from '../engine/simulation';
import type { Incident, IncidentPhase } from '../engine/types';
import { median, sortNumbers } from '../metrics/stats';
import { LEARNER, RESTORE_WORDS, revisionName } from '../words';

/**
 * The monitoring view's reading of incidents: one pure pass over the simulation that turns each
 * incident into a timeline (started, detected, acknowledged, rollback, restored) with its
 * durations, the people involved, what restored it, the deployment that caused it and, once the
 * team knows them, the culprit commits. No React, no DOM.
 */

export type IncidentStepKey = 'started' | 'detected' | 'acknowledged' | 'rollback' | 'restored';

export interface IncidentStep {
  key: IncidentStepKey;
  /** "Detected", "Acknowledged", ... */
  label: string;
  /** Virtual minute the step happened; undefined while it has not (yet). */
  at?: number;
  /** Minutes from the start of the incident to this step. */
  afterStart?: number;
  /** The step in words: "by the CloudWatch alarm", "by Olga (paged)". */
  detail: string;
  /** A step that this incident skipped (automatic rollback needs no acknowledgement). */
  skipped?: boolean;
}

export interface CulpritView {
  seq: number;
  sha: string;
  author: string;
  message: string;
}

export interface DeploymentRef {
  id: number;
  revision: number;
  sha: string;
  /** Commits the deployment shipped. */
  batch: number;
  at: number;
}

export interface PostmortemView {
  at: number;
  blameless: boolean;
  action: string;
  blamed?: string;
}

/** Where an incident is, in the words and the status vocabulary of the product. */
export type IncidentState = 'unnoticed' | 'open' | 'rolling-back' | 'restored';

/** The engine's own record of the incident, as the view passes it on. */
type IncidentFacts = Pick<
  Incident,
  'id' | 'phase' | 'errorRate' | 'startedAt' | 'detectedAt' | 'detectedBy' | 'acknowledgedAt' | 'rollbackAt' | 'restoredAt' | 'restoredBy' | 'paged'
>;

export interface IncidentView extends IncidentFacts {
  state: IncidentState;
  /** The phase in words: "Customers affected, not detected yet". */
  phaseWords: string;
  /** "Automatic rollback", "Manual rollback by You", "A fix through the pipeline". */
  restoredWords?: string;
  /** Minutes from start to detection; null while unnoticed. */
  detectMinutes: number | null;
  /** Minutes from start to restored; null while open. */
  restoreMinutes: number | null;
  /** Minutes since it started (for open incidents: the outage so far). */
  ageMinutes: number;
  /** Who started the rollback ("CodeDeploy" when automatic). */
  rollbackBy?: string;
  rollbackAutomatic?: boolean;
  deployment: DeploymentRef | null;
  /** The commits that carried the defect: known to the team once the incident is detected (or fixed). */
  culprits: CulpritView[];
  culpritsKnown: boolean;
  steps: IncidentStep[];
  postmortem: PostmortemView | null;
  /** The learner can roll back now (the mode leaves the decision to a person). */
  canRollback: boolean;
}

const PHASE_WORDS: Record<IncidentPhase, string> = {
  impact: 'Customers affected, not detected yet',
  detected: 'Detected',
  paged: 'Paged, waiting for acknowledgement',
  acknowledged: 'Acknowledged, deciding what to do',
  rollingBack: 'Rolling back',
  fixingForward: 'Rollback impossible: fixing forward',
  restored: 'Restored',
};

function stateOf(phase: IncidentPhase): IncidentState {
  if (phase === 'impact') return 'unnoticed';
  if (phase === 'rollingBack') return 'rolling-back';
  if (phase === 'restored') return 'restored';
  return 'open';
}

/** What the log adds to an incident beyond the Incident record. */
interface IncidentLogFacts {
  rollbackBy?: string;
  rollbackAutomatic?: boolean;
  postmortem?: PostmortemView;
}

function collectLogFacts(sim: Simulation): Map<number, IncidentLogFacts> {
  const facts = new Map<number, IncidentLogFacts>();
  const get = (id: number) => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = {}));
    return f;
  };
  for (const e of sim.log) {
    if (e.type === 'rollback.started') {
      const f = get(e.incident);
      f.rollbackBy = e.by;
      f.rollbackAutomatic = e.automatic;
    } else if (e.type === 'postmortem.held') {
      get(e.incident).postmortem = { at: e.t, blameless: e.blameless, action: e.action, blamed: e.blamed };
    }
  }
  return facts;
}

function restoredWords(path: RestorePath | undefined, by: string | undefined): string | undefined {
  if (!path) return undefined;
  if (path === 'manual-rollback' && by) return `Manual rollback by ${by}`;
  return RESTORE_WORDS[path].title;
}

function stepsOf(incident: Incident, facts: IncidentLogFacts): IncidentStep[] {
  const since = (t: number | undefined) => (t === undefined ? undefined : t - incident.startedAt);
  const automatic = facts.rollbackAutomatic === true || incident.restoredBy === 'automatic-rollback';
  const steps: IncidentStep[] = [
    {
      key: 'started',
      label: 'Started',
      at: incident.startedAt,
      afterStart: 0,
      detail: `${(incident.errorRate * 100).toFixed(1)}% of requests failing`,
    },
    {
      key: 'detected',
      label: 'Detected',
      at: incident.detectedAt,
      afterStart: since(incident.detectedAt),
      detail:
        incident.detectedBy === 'alarm'
          ? 'by the CloudWatch alarm'
          : incident.detectedBy === 'customers'
            ? 'by customers calling support'
            : incident.restoredAt !== undefined
              ? 'never: a fix reached production first'
              : 'not yet: nobody knows',
      skipped: incident.detectedAt === undefined && incident.restoredAt !== undefined,
    },
  ];
  if (automatic && incident.acknowledgedAt === undefined) {
    steps.push({ key: 'acknowledged', label: 'Acknowledged', detail: 'not needed: the rollback was automatic', skipped: true });
  } else {
    steps.push({
      key: 'acknowledged',
      label: 'Acknowledged',
      at: incident.acknowledgedAt,
      afterStart: since(incident.acknowledgedAt),
      detail: incident.paged
        ? incident.acknowledgedAt !== undefined
          ? `by ${incident.paged} (paged)`
          : `${incident.paged} is paged`
        : incident.restoredAt !== undefined
          ? 'nobody was paged'
          : 'nobody is paged yet',
      skipped: incident.acknowledgedAt === undefined && incident.restoredAt !== undefined,
    });
  }
  steps.push({
    key: 'rollback',
    label: 'Rollback',
    at: incident.rollbackAt,
    afterStart: since(incident.rollbackAt),
    detail:
      incident.rollbackAt !== undefined
        ? automatic
          ? 'started automatically by CodeDeploy'
          : `started by ${facts.rollbackBy ?? incident.paged ?? 'a person'}`
        : incident.restoredAt !== undefined
          ? 'none: a fix restored the service'
          : 'not started',
    skipped: incident.rollbackAt === undefined && incident.restoredAt !== undefined,
  });
  steps.push({
    key: 'restored',
    label: 'Restored',
    at: incident.restoredAt,
    afterStart: since(incident.restoredAt),
    detail: incident.restoredAt !== undefined ? (restoredWords(incident.restoredBy, facts.rollbackBy) ?? 'healthy again') : 'still failing',
  });
  return steps;
}

/** Every incident the run still remembers, newest first. */
export function incidentViews(sim: Simulation): IncidentView[] {
  const facts = collectLogFacts(sim);
  const sha = (seq: number) => revisionName(seq, sim.commit(seq)?.sha);
  const views: IncidentView[] = [];
  for (const incident of sim.incidents.values()) {
    const f = facts.get(incident.id) ?? {};
    const deployment = sim.deployments.find((d) => d.id === incident.deployment);
    const culpritsKnown = incident.detectedAt !== undefined || incident.restoredAt !== undefined;
    const culprits: CulpritView[] = culpritsKnown
      ? incident.culprits.map((seq) => {
          const c = sim.commit(seq);
          return { seq, sha: c?.sha ?? `r${seq}`, author: c?.author ?? 'unknown', message: c?.message ?? '' };
        })
      : [];
    const actor = sim.incidentActors.get(incident.id);
    views.push({
      id: incident.id,
      state: stateOf(incident.phase),
      phase: incident.phase,
      phaseWords: PHASE_WORDS[incident.phase],
      errorRate: incident.errorRate,
      startedAt: incident.startedAt,
      detectedAt: incident.detectedAt,
      detectedBy: incident.detectedBy,
      acknowledgedAt: incident.acknowledgedAt,
      rollbackAt: incident.rollbackAt,
      restoredAt: incident.restoredAt,
      restoredBy: incident.restoredBy,
      restoredWords: restoredWords(incident.restoredBy, f.rollbackBy),
      detectMinutes: incident.detectedAt === undefined ? null : incident.detectedAt - incident.startedAt,
      restoreMinutes: incident.restoredAt === undefined ? null : incident.restoredAt - incident.startedAt,
      ageMinutes: (incident.restoredAt ?? sim.now) - incident.startedAt,
      paged: incident.paged,
      rollbackBy: f.rollbackBy,
      rollbackAutomatic: f.rollbackAutomatic,
      deployment: deployment
        ? { id: deployment.id, revision: deployment.revision, sha: sha(deployment.revision), batch: deployment.batch, at: deployment.at }
        : null,
      culprits,
      culpritsKnown,
      steps: stepsOf(incident, f),
      postmortem: f.postmortem ?? null,
      canRollback: actor?.can({ type: 'rollback.start', by: LEARNER }) ?? false,
    });
  }
  return views.sort((a, b) => b.id - a.id);
}

export interface DetectionGroup {
  incidents: number;
  /** Median minutes to detect, over detected incidents. */
  medianDetectMinutes: number | null;
  /** Median minutes to restore, over restored incidents. */
  medianRestoreMinutes: number | null;
}

export interface DetectionSummary extends DetectionGroup {
  open: number;
  restored: number;
  byAlarm: DetectionGroup;
  byCustomers: DetectionGroup;
}

function group(views: readonly IncidentView[]): DetectionGroup {
  const detect = views.map((v) => v.detectMinutes).filter((m): m is number => m !== null);
  const restore = views.map((v) => v.restoreMinutes).filter((m): m is number => m !== null);
  return {
    incidents: views.length,
    medianDetectMinutes: median(sortNumbers(detect)),
    medianRestoreMinutes: median(sortNumbers(restore)),
  };
}

/**
 * Time to detect and time to restore, overall and split by who found the incident: the split is
 * the lesson of turning monitoring off (customers find problems hours after an alarm would).
 */
export function detectionSummary(views: readonly IncidentView[]): DetectionSummary {
  return {
    ...group(views),
    open: views.filter((v) => v.state !== 'restored').length,
    restored: views.filter((v) => v.state === 'restored').length,
    byAlarm: group(views.filter((v) => v.detectedBy === 'alarm')),
    byCustomers: group(views.filter((v) => v.detectedBy === 'customers')),
  };
}

/** The feedback loop so far: what postmortems changed in the pipeline and the alarms. */
export interface FeedbackLoop {
  culture: Simulation['settings']['culture'];
  postmortems: (PostmortemView & { incident: number })[];
  /** Test coverage at the start of the run and now (0-1): blameless postmortems raise it. */
  coverageAtStart: number;
  coverageNow: number;
  /** Alarm delay as a share of the original (1 = untuned; postmortems tune it down to 0.4). */
  alarmTuning: number;
  /** Postmortems that blamed a person instead of changing anything. */
  blamed: number;
  improvements: number;
}

export function feedbackLoop(sim: Simulation, coverageAtStart: number = sim.settings.testCoverage): FeedbackLoop {
  const postmortems: FeedbackLoop['postmortems'] = [];
  for (const e of sim.log) {
    if (e.type === 'postmortem.held') postmortems.push({ incident: e.incident, at: e.t, blameless: e.blameless, action: e.action, blamed: e.blamed });
  }
  return {
    culture: sim.settings.culture,
    postmortems: postmortems.reverse(),
    coverageAtStart,
    coverageNow: sim.testCoverage,
    alarmTuning: sim.alarmTuning,
    blamed: postmortems.filter((p) => !p.blameless).length,
    improvements: postmortems.filter((p) => p.blameless).length,
  };
}
