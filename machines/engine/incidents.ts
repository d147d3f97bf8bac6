import { isWorkingTime } from '../sim/calendar';
import { MODE_INFO } from '../world/modes';
import { onCallAt } from '../world/team';
import type { IncidentPlan } from '../production/incidentMachine';
import type { IncidentHandlers } from '../production/incidentRunner';
import { DEFECT_ERROR_RATE, INJECTED_DEFECT_ALARM_MARGIN, INJECTED_DEFECT_ERROR_RATE, diagnosisMinutes } from '../production/risk';
import { ACK_MINUTES, ALARM_DETECTION_MINUTES, CUSTOMER_DETECTION_MINUTES, DECIDE_MINUTES, NIGHT_ACK_MINUTES } from './durations';
import { schedulePostmortem } from './postmortems';
import { EnginePart } from './runState';
import type { Deployment, Incident } from './types';
import type { Random } from '../sim/random';
import { DEFAULT_DEPLOY_CONFIG, DEPLOY_CONFIGS, rollbackMinutes } from '../iac/deployConfigs';
import type { DriftChange } from '../iac/drift';
import { DEFAULT_EVALUATION_PERIODS } from '../iac/testSuites';
import { SNOWFLAKE_FIX_MINUTES } from './infrastructure';

/** Share of requests failing on production that drifted from the template [min, max]. */
export const DRIFT_ERROR_RATE: readonly [number, number] = [0.05, 0.25];

/**
 * Production failing and being put right: an escaped defect starts an incident (one XState actor
 * each), which is detected, paged, rolled back (or not: a schema change blocks it) or fixed forward,
 * and ends with a postmortem.
 */
export class Incidents extends EnginePart {
  private nextIncident = 1;
  /** The last rollback that could not run, as "from>to". */
  private failedRollback = '';

  /** A person rolls production back now, for an incident that has been detected. */
  rollback(incident: number, by: string): boolean {
    const runner = this.s.incidentActors.get(incident);
    if (!runner?.can({ type: 'rollback.start', by })) return false;
    runner.send({ type: 'rollback.start', by });
    return true;
  }

  /** Defect `culprit`, shipped by `deployment`, starts failing requests now. */
  start(deployment: Deployment, culprit: number): void {
    const s = this.s;
    // A rollback or a fix may have taken the defect out of production before it showed.
    if (!s.defectInProduction(culprit)) return;
    const rng = s.rng.production;
    // An injected defect is the one the class is watching: loud enough for the alarm to catch.
    const floor = s.injectedDefects.delete(culprit)
      ? Math.min(DEFECT_ERROR_RATE[1], Math.max(INJECTED_DEFECT_ERROR_RATE, s.settings.alarmThreshold * INJECTED_DEFECT_ALARM_MARGIN))
      : DEFECT_ERROR_RATE[0];
    this.open(deployment, [culprit], rng.between(floor, DEFECT_ERROR_RATE[1]), rng);
  }

  /**
   * A deployment met production that had drifted from the template (it worked in staging): requests
   * fail. Its chances come from the drift stream, so runs without drift draw the same as ever. A
   * snowflake's hand change is found and put right by hand; a rollback helps sooner.
   */
  startDrift(deployment: Deployment, change: DriftChange, snowflake: boolean): void {
    const s = this.s;
    const rng = s.rng.drift;
    const incident = this.open(deployment, [], rng.between(...DRIFT_ERROR_RATE), rng, change);
    if (!snowflake) return;
    // Someone finds the hand change and puts it right; a rollback underway finishes first.
    const heal = () => {
      if (incident.phase === 'restored') return;
      if (incident.phase === 'rollingBack') s.clock.at(s.now + 5, heal);
      else s.incidentActors.get(incident.id)?.send({ type: 'fix.deployed' });
    };
    s.clock.at(s.now + rng.between(...SNOWFLAKE_FIX_MINUTES), () => {
      this.parts.infra.fixedByHand(change);
      heal();
    });
  }

  /** Production fails from now: `raw` is the error rate where the change reached, before the deploy configuration's share. */
  private open(deployment: Deployment, culprits: number[], raw: number, rng: Random, drift?: DriftChange): Incident {
    const s = this.s;
    const { settings } = s;
    const id = this.nextIncident++;
    // A canary or a linear rollout reaches a share of users before the alarm can stop it.
    const errorRate = raw * DEPLOY_CONFIGS[settings.deployConfig ?? DEFAULT_DEPLOY_CONFIG].reach;
    // The alarm watches the service's error rate, to which every open incident adds; switched off by hand, it tells nobody.
    const alarmed = settings.monitoring && !s.alarmSilenced && s.errorRate() + raw >= settings.alarmThreshold;
    const night = !isWorkingTime(s.now, settings.workingHours);
    const culture = settings.culture;
    const [ackMin, ackMax] = ACK_MINUTES[culture];
    const [decideMin, decideMax] = DECIDE_MINUTES[culture];
    const periods = (settings.alarmEvaluationPeriods ?? DEFAULT_EVALUATION_PERIODS) / DEFAULT_EVALUATION_PERIODS;
    const plan: IncidentPlan = {
      id,
      detectAfter: alarmed ? rng.between(...ALARM_DETECTION_MINUTES) * s.alarmTuning * periods : rng.between(...CUSTOMER_DETECTION_MINUTES),
      detectedBy: alarmed ? 'alarm' : 'customers',
      automaticRollback: MODE_INFO[settings.mode].automaticRollback,
      ackAfter: rng.between(ackMin, ackMax) + (night ? rng.between(...NIGHT_ACK_MINUTES) : 0),
      decideAfter: rng.between(decideMin, decideMax),
      rollbackTakes: rollbackMinutes(settings.deployConfig ?? DEFAULT_DEPLOY_CONFIG, rng.between(s.deployTimes[0], s.deployTimes[1])),
      // Rolling the code back does not touch the hand change: production stays broken until it is found.
      rollbackFails: drift ? true : this.rollbackBlocked(deployment),
    };
    const culprit = culprits[0];
    const incident: Incident = {
      id,
      deployment: deployment.id,
      revision: deployment.revision,
      culprits,
      culpritArea: culprit === undefined ? '' : (s.commit(culprit)?.area ?? ''),
      culpritAuthor: culprit === undefined ? '' : (s.commit(culprit)?.author ?? ''),
      errorRate,
      startedAt: s.now,
      phase: 'impact',
      ...(drift ? { drift } : {}),
    };
    s.incidents.set(id, incident);
    s.openIncidentIds.add(id);
    s.emit({
      type: 'incident.started',
      incident: id,
      deployment: deployment.id,
      revision: deployment.revision,
      errorRate,
      culprits: incident.culprits,
      ...(drift ? { drift } : {}),
    });

    const handlers: IncidentHandlers = {
      'incident.detected': (e) => this.onDetected(incident, e.by, deployment),
      'incident.acknowledged': () => {
        incident.phase = 'acknowledged';
        incident.acknowledgedAt = s.now;
        s.emit({ type: 'incident.acknowledged', incident: id, person: incident.paged ?? 'on call' });
        if (culture === 'silos') {
          // Ops must ask Dev before rolling back a change they did not write.
          this.parts.people.countHandoff('ops', 'dev', `incident #${id}: which change broke production?`, plan.decideAfter);
        }
      },
      'incident.rollbackStarted': (e) => {
        incident.phase = 'rollingBack';
        incident.rollbackAt = s.now;
        s.emit({
          type: 'rollback.started',
          incident: id,
          automatic: e.automatic,
          by: e.by === 'on-call' ? (incident.paged ?? 'on call') : e.by,
          to: rollbackTarget(deployment),
        });
      },
      'incident.rolledBack': () => {
        const to = rollbackTarget(deployment);
        const fromRevision = s.productionRevision;
        s.productionRevision = Math.min(s.productionRevision, to);
        if (s.settings.mode === 'manual' || s.settings.mode === 'ci') s.releaseRolledBack = true;
        s.emit({ type: 'deploy.rolledBack', incident: id, from: fromRevision, to: s.productionRevision });
        // The rollback took other defects out of production too: their incidents end with it.
        const path =
          plan.automaticRollback && incident.detectedBy === 'alarm' && incident.acknowledgedAt === undefined ? 'automatic-rollback' : 'manual-rollback';
        for (const other of s.openIncidents()) {
          if (other.id !== id && other.culprits.every((seq) => !s.defectInProduction(seq))) {
            s.incidentActors.get(other.id)?.send({ type: 'production.reverted', path });
          }
        }
      },
      'incident.rollbackFailed': () => {
        incident.phase = 'fixingForward';
        incident.rollbackFailedAt = s.now;
        // One failed rollback is news; the others that tried the same one at the same time are not.
        const attempt = `${s.productionRevision}>${rollbackTarget(deployment)}`;
        if (attempt !== this.failedRollback || drift) {
          s.emit({ type: 'rollback.failed', incident: id, from: s.productionRevision, to: rollbackTarget(deployment), ...(drift ? { drift } : {}) });
        }
        this.failedRollback = attempt;
        // The fix is on its way since detection; it ships as a hotfix once it passes the tests. Other
        // incidents whose rollback would cross the same change do not try again.
        for (const other of s.openIncidents()) {
          const theirs = other.id === id ? undefined : s.deploymentById(other.deployment);
          if (theirs && other.detectedAt !== undefined && this.rollbackBlocked(theirs)) s.incidentActors.get(other.id)?.send({ type: 'rollback.ruledOut' });
        }
      },
      'incident.restored': (e) => {
        incident.phase = 'restored';
        incident.restoredAt = s.now;
        incident.restoredBy = e.path;
        s.openIncidentIds.delete(id);
        for (const task of s.tasks) if (task.incident === id && task.kind === 'on-call') task.until = s.now;
        s.emit({ type: 'incident.restored', incident: id, path: e.path });
        s.incidentActors.delete(id);
        schedulePostmortem(s, incident);
      },
    };
    const runner = s.makeIncident(plan, handlers);
    s.incidentActors.set(id, runner);
    runner.start();
    return incident;
  }

  /** Rolling back to before `failed` crosses a deployment that changed the schema: it cannot run. */
  private rollbackBlocked(failed: Deployment): boolean {
    const s = this.s;
    const to = rollbackTarget(failed);
    for (let i = s.deployments.length - 1; i >= 0; i--) {
      const d = s.deployments[i]!;
      if (d.revision <= to) break;
      if (d.revision <= s.productionRevision && d.irreversible) return true;
    }
    return false;
  }

  private onDetected(incident: Incident, by: 'alarm' | 'customers', deployment: Deployment): void {
    const s = this.s;
    const { people } = this.parts;
    incident.phase = 'detected';
    incident.detectedAt = s.now;
    incident.detectedBy = by;
    if (by === 'alarm') s.emit({ type: 'alarm.fired', incident: incident.id, errorRate: incident.errorRate, threshold: s.settings.alarmThreshold });
    else s.emit({ type: 'incident.reported', incident: incident.id });
    const automatic = MODE_INFO[s.settings.mode].automaticRollback && by === 'alarm';
    const person = onCallAt(s.team, s.settings.culture, s.now);
    incident.paged = person.name;
    if (!automatic) {
      incident.phase = 'paged';
      s.emit({ type: 'incident.paged', incident: incident.id, person: person.name });
    }
    people.addTask(person.name, 'on-call', `on call for incident #${incident.id}`, undefined, incident.id);

    // Stop the line, then find the culprits and fix them; a bigger batch takes longer to search.
    const culprits = incident.culprits.filter((seq) => !s.isFixed(seq));
    for (const seq of culprits) s.knownDefects.add(seq);
    if (culprits.length === 0) return;
    s.pipelineActor.send({ type: 'line.stop', incident: incident.id });
    s.emit({ type: 'pipeline.held', incident: incident.id });
    const diagnose = diagnosisMinutes(deployment.batch);
    const fix = () => this.parts.commits.fixInProduction(culprits, diagnose, incident.id);
    if (s.settings.culture === 'silos') people.handoff('ops', 'dev', `incident #${incident.id}: fix the defect`, fix);
    else fix();
  }
}

/** Where rolling back `failed` goes: the last revision that ran without a shipped defect before it. */
function rollbackTarget(failed: Deployment): number {
  return Math.min(failed.rollbackTo, failed.from);
}
