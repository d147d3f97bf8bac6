import { MODE_INFO } from '../world/modes';
import { INCIDENT_ONSET, rollbackFailureChance } from '../production/risk';
import { EnginePart } from './runState';
import type { Deployment, Execution } from './types';

/**
 * Production changing: a deploy lands (a whole revision, or a hotfix patch on the release branch),
 * incidents whose defects it removed end, and each defect it ships will show.
 */
export class Deployments extends EnginePart {
  /** The newest revision that has ever run in production (rolled back or not). */
  private maxDeployedRevision = 0;
  private nextDeployment = 1;
  /** Deployments that met a snowflake environment's drift (IaC off): the team puts it right by hand. */
  readonly snowflakes = new Set<number>();

  /** A deploy of `execution` finished: production runs its revision now (or, for a hotfix, its fixes). */
  deployed(execution: Execution): void {
    const s = this.s;
    const releases = this.parts.releases;
    const from = s.productionRevision;
    const revision = execution.revision;
    s.deploysInFlight = Math.max(0, s.deploysInFlight - 1);
    const hotfix = releases.hotfixUnderway !== null;
    const patch = releases.hotfixUnderway === 'incident' && MODE_INFO[s.settings.mode].deploysByHand ? this.hotfixPatch(from, revision) : [];
    releases.hotfixUnderway = null;
    if (patch.length > 0) {
      this.deployPatch(execution, patch);
      return;
    }
    // Fixes already running as a hotfix are not shipped again.
    let alreadyRunning = 0;
    for (const seq of s.patches) if (seq <= revision) alreadyRunning++;
    const batch = Math.max(0, revision - from - alreadyRunning);
    const defects = s.problems.open(revision, (c) => c.defect && c.seq > from && !s.patches.has(c.seq));
    for (const seq of [...s.patches]) if (seq <= revision) s.patches.delete(seq);
    const deployment: Deployment = {
      id: this.nextDeployment++,
      execution: execution.id,
      revision,
      from,
      at: s.now,
      batch,
      reshipped: Math.max(0, Math.min(revision, this.maxDeployedRevision) - from),
      defects,
      rollbackTo: s.lastGoodRevision,
      irreversible: s.rng.production.chance(rollbackFailureChance(batch)),
      hotfix,
      patch: [],
    };
    // Production may differ from staging by hand: this deployment meets it there.
    const drift = this.parts.infra.driftAtDeploy();
    if (drift) deployment.drift = drift.change;
    if (drift?.snowflake) this.snowflakes.add(deployment.id);
    s.deployments.push(deployment);
    s.productionRevision = revision;
    this.maxDeployedRevision = Math.max(this.maxDeployedRevision, revision);
    // Good: production now runs no defect at all (one shipped earlier and not fixed still counts).
    if (s.problems.open(revision, (c) => c.defect).length === 0) s.lastGoodRevision = revision;
    s.releaseRolledBack = false;
    this.landed(execution, deployment);
  }

  /**
   * The fix commits in (from, revision] that repair a defect production runs: what a hand-released
   * hotfix ships on the release branch.
   */
  private hotfixPatch(from: number, revision: number): number[] {
    const s = this.s;
    const patch: number[] = [];
    for (let seq = from + 1; seq <= revision; seq++) {
      const c = s.commit(seq);
      if (c && c.kind === 'fix' && !s.patches.has(seq) && c.fixes.some((f) => s.defectInProduction(f))) patch.push(seq);
    }
    return patch;
  }

  /** A hotfix on the release branch: production keeps its revision and gains the fixes. */
  private deployPatch(execution: Execution, patch: number[]): void {
    const s = this.s;
    const defects = patch.filter((seq) => {
      const c = s.commit(seq);
      return c !== undefined && c.defect && !s.isFixed(seq);
    });
    for (const seq of patch) s.patches.add(seq);
    const deployment: Deployment = {
      id: this.nextDeployment++,
      execution: execution.id,
      revision: execution.revision,
      from: s.productionRevision,
      at: s.now,
      batch: patch.length,
      reshipped: 0,
      defects,
      rollbackTo: s.lastGoodRevision,
      // A hotfix carries no migrations of its own: rolling it back is the release's rollback.
      irreversible: false,
      hotfix: true,
      patch,
    };
    s.deployments.push(deployment);
    this.landed(execution, deployment);
  }

  /** The execution's journey ends in production; incidents whose defects it removed end. */
  private landed(execution: Execution, deployment: Deployment): void {
    const s = this.s;
    this.parts.executions.end(execution, 'succeeded');
    execution.stage = 'production';
    s.emit({
      type: 'deploy.succeeded',
      execution: execution.id,
      revision: deployment.revision,
      from: deployment.from,
      batch: deployment.batch,
      reshipped: deployment.reshipped,
      defects: deployment.defects,
      deployment: deployment.id,
      hotfix: deployment.hotfix,
      patch: deployment.patch,
      ...(deployment.drift ? { drift: deployment.drift } : {}),
    });
    this.afterDeploy(deployment);
    this.parts.infra.deployed(deployment);
  }

  /** Incidents whose defects production no longer runs are over; each new defect will show. */
  private afterDeploy(deployment: Deployment): void {
    const s = this.s;
    const { defects } = deployment;
    // Fixes that arrived while this deployment ran wait for the next hotfix.
    const waiting = this.parts.releases.newestWaitingRevision();
    if (waiting !== undefined) s.clock.at(s.now, () => this.parts.releases.planHotfixIfNeeded(waiting));
    for (const incident of s.openIncidents()) {
      if (incident.phase === 'rollingBack') continue;
      if (incident.culprits.every((seq) => !s.defectInProduction(seq))) s.incidentActors.get(incident.id)?.send({ type: 'fix.deployed' });
    }
    // Every escaped defect can fail on its own: a release carrying many is a bad day, not one incident.
    const [min, max] = INCIDENT_ONSET;
    for (const seq of defects) {
      s.clock.at(s.now + s.rng.production.between(min, max), () => this.parts.incidents.start(deployment, seq));
    }
    const drift = deployment.drift;
    if (drift) {
      const snowflake = this.snowflakes.delete(deployment.id);
      s.clock.at(s.now + s.rng.drift.between(min, max), () => this.parts.incidents.startDrift(deployment, drift, snowflake));
    }
  }
}
