import { iacOn } from '../world/settings';
import { createChangeSet, type ChangeSet, type ChangeSetRow } from '../iac/changeSet';
import { DEPLOY_CONFIGS } from '../iac/deployConfigs';
import { DRIFT_CHANGES, detectDrift, isDrifted, type DriftChange } from '../iac/drift';
import { templateProblems } from '../iac/schema';
import { physicalIdFor, planUpdate, type ResourceStatus, type UpdateStep } from '../iac/stack';
import { configOf, type StackConfig } from '../iac/stackConfig';
import type { StackTemplate, TemplateProblem } from '../iac/types';
import { MINUTES_PER_DAY } from '../sim/calendar';
import { MODE_INFO, type Mode } from '../world/modes';
import { EnginePart } from './runState';
import type { Deployment } from './types';
import { openDriftIncidents } from './stackState';

/** How often a hand-configured environment drifts by itself: the chance per day. */
export const SNOWFLAKE_DRIFT_PER_DAY = 0.03;
/** At most this share of deployments meets a drifted environment, however long since the last. */
export const SNOWFLAKE_DRIFT_MAX = 0.5;
/** Minutes to find a hand change in a snowflake environment and put it right by hand. */
export const SNOWFLAKE_FIX_MINUTES: readonly [number, number] = [120, 480];

export type ExecuteResult = { ok: true; route: 'commit' | 'direct' | 'none'; changeSet: ChangeSet } | { ok: false; problems: TemplateProblem[] };

const STACK = 'shop-web';
const STACK_TYPE = 'AWS::CloudFormation::Stack';

/** Modes a running pipeline can switch between by changing its template: adding or removing Approval. */
const LIVE_SWITCHABLE: readonly Mode[] = ['delivery', 'deployment'];

/**
 * Infrastructure as Code in the run: template changes (committed and applied when they deploy, or
 * applied at once where there is no pipeline), stack updates that take virtual time per resource and
 * roll back when one fails, what an applied template changes in the run, and drift (hand changes,
 * detection, and snowflake environments drifting by themselves when IaC is off).
 */
export class Infrastructure extends EnginePart {
  private lastSnowflakeCheck = 0;

  /** A person executes a template (already parsed by the page): a commit through the pipeline, or an update now. */
  execute(templateText: string, template: StackTemplate, by: string): ExecuteResult {
    const s = this.s;
    const problems = templateProblems(template, new Map());
    if (problems.length > 0) return { ok: false, problems };
    const stack = s.stack;
    const base = stack.inFlight[stack.inFlight.length - 1]?.template ?? stack.template;
    const changeSet = createChangeSet(base, template);
    if (changeSet.rows.length === 0) {
      // The same template again: re-applying the stack's template puts hand changes right.
      if (s.handChanges.size === 0) return { ok: true, route: 'none', changeSet };
      const reapply = this.reapplyChangeSet();
      this.update(stack.template, stack.templateText, reapply, by);
      return { ok: true, route: 'direct', changeSet: reapply };
    }
    const from = configOf(stack.template).mode;
    const to = configOf(template).mode;
    const liveModeChange = from !== to && !(LIVE_SWITCHABLE.includes(from) && LIVE_SWITCHABLE.includes(to));
    // Putting production's hand-changed resources right is not a release: it applies now (a drifted
    // production may refuse every deploy the commit would wait for).
    const fixesDrift = [...s.handChanges].some((change) => changeSet.rows.some((row) => row.logicalId === DRIFT_CHANGES[change].logicalId));
    if (s.settings.mode === 'manual' || liveModeChange || fixesDrift) {
      this.update(template, templateText, changeSet, by);
      return { ok: true, route: 'direct', changeSet };
    }
    const seq = this.parts.commits.pushInfra(by, changeSet);
    stack.inFlight.push({ seq, by, template, templateText, changeSet });
    s.emit({ type: 'infra.commit', commit: seq, by, summary: changeSet.summary });
    return { ok: true, route: 'commit', changeSet };
  }

  /** A deployment landed: the newest template change it carries is applied to the stack. */
  deployed(deployment: Deployment): void {
    if (!this.s.hasStack) return;
    const stack = this.s.stack;
    if (stack.inFlight.length === 0 || deployment.patch.length > 0) return;
    let newest: (typeof stack.inFlight)[number] | undefined;
    while (stack.inFlight.length > 0 && stack.inFlight[0]!.seq <= deployment.revision) newest = stack.inFlight.shift();
    if (!newest) return;
    this.update(newest.template, newest.templateText, createChangeSet(stack.template, newest.template), newest.by, newest.seq);
  }

  // ---------------------------------------------------------------- drift

  /** Someone changes production by hand. */
  injectDrift(change: DriftChange): boolean {
    const s = this.s;
    if (s.handChanges.has(change) || !isDrifted(s.stack.template, change)) return false;
    s.handChanges.add(change);
    s.emit({ type: 'drift.introduced', change, logicalId: DRIFT_CHANGES[change].logicalId, snowflake: false });
    return true;
  }

  /** Detect drift: every resource compared with the template; MODIFIED ones show expected and actual. */
  detect(): void {
    const s = this.s;
    const stack = s.stack;
    const results = detectDrift(stack.template, s.handChanges);
    stack.drift = results;
    for (const resource of stack.resources) resource.drift = results.find((r) => r.logicalId === resource.logicalId)?.status ?? 'NOT_CHECKED';
    const modified = results.filter((r) => r.status === 'MODIFIED').map((r) => r.logicalId);
    s.emit({ type: 'drift.detected', modified });
  }

  /**
   * A deployment lands on production: does production differ from staging there? A hand change
   * that breaks a release (the instance size), or, with IaC off, an environment that drifted by
   * itself since the last deployment (a seeded chance on its own stream).
   */
  driftAtDeploy(): { change: DriftChange; snowflake: boolean } | null {
    const s = this.s;
    if (s.handChanges.has('instance-size')) return { change: 'instance-size', snowflake: false };
    if (iacOn(s.settings)) return null;
    const days = (s.now - this.lastSnowflakeCheck) / MINUTES_PER_DAY;
    this.lastSnowflakeCheck = s.now;
    const chance = Math.min(SNOWFLAKE_DRIFT_MAX, 1 - (1 - SNOWFLAKE_DRIFT_PER_DAY) ** days);
    if (!s.rng.drift.chance(chance)) return null;
    s.emit({ type: 'drift.introduced', change: 'instance-size', logicalId: DRIFT_CHANGES['instance-size'].logicalId, snowflake: true });
    return { change: 'instance-size', snowflake: true };
  }

  /** Someone found a snowflake's hand change during an incident and put it right by hand. */
  fixedByHand(change: DriftChange): void {
    this.s.emit({ type: 'drift.resolved', change, how: 'fixed-by-hand' });
  }

  // ---------------------------------------------------------------- stack updates

  /** A change set that re-applies the template to the resources production changed by hand. */
  private reapplyChangeSet(): ChangeSet {
    const s = this.s;
    const rows: ChangeSetRow[] = [];
    for (const change of s.handChanges) {
      const info = DRIFT_CHANGES[change];
      const type = s.stack.template.Resources[info.logicalId]?.Type ?? '';
      rows.push({
        logicalId: info.logicalId,
        type,
        action: 'Modify',
        replacement: 'False',
        properties: [{ name: info.path.split(/[.[]/)[0]!, requiresRecreation: 'Never' }],
      });
    }
    return { rows, summary: `Re-apply the template to ${rows.map((r) => r.logicalId).join(', ')}.` };
  }

  /** Starts an update now, or when the one underway ends. */
  private update(template: StackTemplate, templateText: string, changeSet: ChangeSet, by: string, commit?: number): void {
    const s = this.s;
    const stack = s.stack;
    if (stack.busyUntil > s.now) {
      s.clock.at(stack.busyUntil, () => this.update(template, templateText, createChangeSet(stack.template, template), by, commit));
      return;
    }
    const before = stack.template;
    const steps = planUpdate(before, template, changeSet);
    const modeFailure = this.modeFailure(before, template);
    if (modeFailure) {
      const pipeline = steps.find((step) => step.row.type === 'AWS::CodePipeline::Pipeline');
      if (pipeline) pipeline.failure ??= modeFailure;
      else
        steps.push({
          row: { logicalId: 'Pipeline', type: 'AWS::CodePipeline::Pipeline', action: 'Add', replacement: null, properties: [] },
          minutes: 1,
          failure: modeFailure,
        });
    }
    stack.status = 'UPDATE_IN_PROGRESS';
    stack.addEvent({
      t: s.now,
      logicalId: STACK,
      type: STACK_TYPE,
      status: 'UPDATE_IN_PROGRESS',
      reason: commit !== undefined ? `User Initiated (commit ${s.shaOf(commit)})` : 'User Initiated',
    });
    s.emit({ type: 'stack.update.started', by, summary: changeSet.summary, resources: steps.length, ...(commit !== undefined ? { commit } : {}) });
    let t = s.now;
    const done: UpdateStep[] = [];
    for (const step of steps) {
      const startAt = t;
      s.clock.at(startAt, () =>
        this.resourceStatus(
          step.row,
          step.row.action === 'Add' ? 'CREATE_IN_PROGRESS' : step.row.action === 'Remove' ? 'DELETE_IN_PROGRESS' : 'UPDATE_IN_PROGRESS',
        ),
      );
      t += step.minutes;
      if (step.failure) {
        const failure = step.failure;
        const doneSoFar = [...done];
        s.clock.at(t, () => this.fail(step, failure, doneSoFar));
        stack.busyUntil = t + 1 + doneSoFar.length;
        return;
      }
      done.push(step);
      s.clock.at(t, () =>
        this.resourceStatus(step.row, step.row.action === 'Add' ? 'CREATE_COMPLETE' : step.row.action === 'Remove' ? 'DELETE_COMPLETE' : 'UPDATE_COMPLETE'),
      );
    }
    stack.busyUntil = t + 1;
    s.clock.at(t, () => {
      stack.status = 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS';
      stack.addEvent({ t: s.now, logicalId: STACK, type: STACK_TYPE, status: 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS' });
    });
    s.clock.at(t + 1, () => this.complete(before, template, templateText, changeSet));
  }

  /** A pipeline cannot switch between hand deploys and a pipeline's own while the run goes on. */
  private modeFailure(before: StackTemplate, after: StackTemplate): string | undefined {
    const from = configOf(before).mode;
    const to = configOf(after).mode;
    if (from === to || (LIVE_SWITCHABLE.includes(from) && LIVE_SWITCHABLE.includes(to))) return undefined;
    return `the running pipeline cannot change from ${MODE_INFO[from].name} to ${MODE_INFO[to].name} while work is in flight; start a new run in that mode`;
  }

  private resourceStatus(row: ChangeSetRow, status: ResourceStatus, reason?: string): void {
    const s = this.s;
    const stack = s.stack;
    stack.addEvent({ t: s.now, logicalId: row.logicalId, type: row.type, status, ...(reason ? { reason } : {}) });
    const existing = stack.resources.find((r) => r.logicalId === row.logicalId);
    if (existing) existing.status = status;
    else if (row.action === 'Add' && status === 'CREATE_IN_PROGRESS') {
      stack.resources.push({ logicalId: row.logicalId, type: row.type, physicalId: physicalIdFor(row.logicalId, row.type, 1), status, drift: 'NOT_CHECKED' });
    }
    if (existing && status === 'UPDATE_COMPLETE' && row.replacement === 'True') {
      const generation = (stack.generations.get(row.logicalId) ?? 1) + 1;
      stack.generations.set(row.logicalId, generation);
      existing.physicalId = physicalIdFor(row.logicalId, row.type, generation);
    }
    s.emit({ type: 'stack.update.resource', logicalId: row.logicalId, resourceType: row.type, status, ...(reason ? { reason } : {}) });
  }

  /** One resource failed: the update stops, what was done is undone, the stack runs as before. */
  private fail(step: UpdateStep, reason: string, done: UpdateStep[]): void {
    const s = this.s;
    const stack = s.stack;
    this.resourceStatus(step.row, 'UPDATE_FAILED', reason);
    stack.status = 'UPDATE_ROLLBACK_IN_PROGRESS';
    stack.addEvent({
      t: s.now,
      logicalId: STACK,
      type: STACK_TYPE,
      status: 'UPDATE_ROLLBACK_IN_PROGRESS',
      reason: `The following resource(s) failed to update: [${step.row.logicalId}].`,
    });
    let t = s.now;
    for (const undo of [...done].reverse()) {
      t += 1;
      s.clock.at(t, () => this.resourceStatus(undo.row, 'UPDATE_ROLLBACK_COMPLETE'));
    }
    s.clock.at(t + 1, () => {
      // The failed resource is back as it was too.
      const resource = stack.resources.find((r) => r.logicalId === step.row.logicalId);
      if (resource) resource.status = 'UPDATE_ROLLBACK_COMPLETE';
      stack.resources = stack.resources.filter((r) => r.status !== 'CREATE_IN_PROGRESS');
      stack.status = 'UPDATE_ROLLBACK_COMPLETE';
      stack.addEvent({ t: s.now, logicalId: STACK, type: STACK_TYPE, status: 'UPDATE_ROLLBACK_COMPLETE', reason });
      s.emit({ type: 'stack.update.rolledBack', logicalId: step.row.logicalId, reason });
    });
  }

  /** The update succeeded: the template is the stack's now, and the run does what it says. */
  private complete(before: StackTemplate, after: StackTemplate, text: string, changeSet: ChangeSet): void {
    const s = this.s;
    const stack = s.stack;
    stack.template = after;
    stack.templateText = text;
    stack.status = 'UPDATE_COMPLETE';
    stack.resources = stack.resources.filter((r) => r.logicalId in after.Resources);
    stack.addEvent({ t: s.now, logicalId: STACK, type: STACK_TYPE, status: 'UPDATE_COMPLETE' });
    const effects = this.applyConfig(configOf(before), configOf(after));
    s.emit({ type: 'stack.update.completed', effects });
    // Hand changes: gone where the update wrote the resource, or where the template now says the same.
    const touched = new Set(changeSet.rows.map((r) => r.logicalId));
    for (const change of [...s.handChanges]) {
      const matches = !isDrifted(after, change);
      if (!matches && !touched.has(DRIFT_CHANGES[change].logicalId)) continue;
      s.handChanges.delete(change);
      s.emit({ type: 'drift.resolved', change, how: matches ? 'template-matches' : 'template-applied' });
      // Production is as the template says again: the incidents the hand change caused are over.
      for (const id of openDriftIncidents(s, change)) s.incidentActors.get(id)?.send({ type: 'fix.deployed' });
    }
    if (stack.drift) this.refreshDrift();
  }

  /** A drift result shown on the page stays true to production after an update. */
  private refreshDrift(): void {
    const stack = this.s.stack;
    stack.drift = detectDrift(stack.template, this.s.handChanges);
    for (const resource of stack.resources) resource.drift = stack.drift.find((r) => r.logicalId === resource.logicalId)?.status ?? 'NOT_CHECKED';
  }

  /** What changes in the run when the template's meaning changes, in words for the feed. */
  private applyConfig(before: StackConfig, after: StackConfig): string[] {
    const s = this.s;
    const settings = s.settings;
    const effects: string[] = [];
    if (before.mode !== after.mode && LIVE_SWITCHABLE.includes(after.mode) && settings.mode !== after.mode) {
      settings.mode = after.mode;
      if (after.mode === 'delivery') {
        s.approval ??= s.makeApproval?.() ?? null;
        effects.push('the pipeline has an Approval stage again: Continuous Delivery, a person approves each release');
      } else {
        effects.push('the Approval stage is gone: Continuous Deployment, every passing revision goes to production');
        // What waited for a decision goes on: nobody approves in this pipeline any more.
        if (s.approval?.canDecide) this.parts.approvals.approveNewest('CodePipeline', 'Approval stage removed from the pipeline');
      }
    }
    if (before.deployConfig !== after.deployConfig) {
      settings.deployConfig = after.deployConfig;
      effects.push(`deploys roll out ${DEPLOY_CONFIGS[after.deployConfig].label.toLowerCase()}`);
    }
    if (before.alarm.threshold !== after.alarm.threshold) {
      settings.alarmThreshold = after.alarm.threshold;
      effects.push(`the alarm fires at ${Math.round(after.alarm.threshold * 1000) / 10}% errors`);
    }
    if (before.alarm.evaluationPeriods !== after.alarm.evaluationPeriods) {
      settings.alarmEvaluationPeriods = after.alarm.evaluationPeriods;
      effects.push(
        `the alarm waits ${after.alarm.evaluationPeriods} minute${after.alarm.evaluationPeriods === 1 ? '' : 's'} over the threshold before it fires`,
      );
    }
    if (before.alarm.enabled !== after.alarm.enabled) {
      settings.monitoring = after.alarm.enabled;
      effects.push(after.alarm.enabled ? 'the alarm acts again' : 'the alarm no longer acts: customers will find incidents');
    }
    if (before.testCoverage !== after.testCoverage) {
      const coverage = Math.min(1, Math.max(0, Math.round((s.tests.overall + after.testCoverage - before.testCoverage) * 1000) / 1000));
      s.tests.setAll(coverage);
      effects.push(`the tests run ${after.testSuites.join(', ') || 'nothing'}: coverage ${Math.round(coverage * 100)}%`);
    }
    return effects;
  }
}
