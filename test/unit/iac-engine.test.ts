import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { EventOf, LoggedEvent } from '@/machines/events';
import { Simulation } from '@/machines/engine/simulation';
import { defaultTemplateObject } from '@/machines/iac/defaultStack';
import type { StackTemplate } from '@/machines/iac/types';
import { runnerMachine } from '@/machines/runner/runnerMachine';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import type { Mode } from '@/machines/world/modes';
import { defaultSettings, type Settings } from '@/machines/world/settings';

const DAY = MINUTES_PER_DAY;
/** A Monday morning: the team is at work and the pipeline busy. */
const MORNING = 9 * 60;

function run(mode: Mode, change: Partial<Settings> = {}, seed = 3): Simulation {
  const sim = new Simulation({ ...defaultSettings(mode, seed), days: 30, ...change }, { stages: 'direct' });
  sim.advanceTo(MORNING);
  return sim;
}

/** The run's own template, edited. JSON is template text too. */
function edit(sim: Simulation, change: (t: StackTemplate) => void): { text: string; template: StackTemplate } {
  const template = structuredClone(sim.stack.template);
  change(template);
  return { text: JSON.stringify(template, null, 2), template };
}

const props = (t: StackTemplate, id: string) => t.Resources[id]!.Properties!;
const events = <T extends LoggedEvent['type']>(sim: Simulation, type: T, after = 0) => sim.log.filter((e): e is EventOf<T> => e.type === type && e.t >= after);

function execute(sim: Simulation, change: (t: StackTemplate) => void) {
  const { text, template } = edit(sim, change);
  const result = sim.executeStack(text, template, 'You');
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result;
}

/** Runs until the stack has finished the update the last execute started; returns when it completed. */
function untilApplied(sim: Simulation, within = 5 * DAY): EventOf<'stack.update.completed'> {
  const end = sim.now + within;
  const before = events(sim, 'stack.update.completed').length;
  while (sim.now < end && events(sim, 'stack.update.completed').length === before) sim.advanceTo(sim.now + 30);
  const done = events(sim, 'stack.update.completed')[before];
  if (!done) throw new Error('the stack update did not complete');
  return done;
}

describe('the run obeys the template', () => {
  it('removing the Approval stage: an infra commit passes Approval, reaches production, and the run becomes Continuous Deployment', () => {
    const sim = run('delivery');
    const result = execute(sim, (t) => {
      const stages = props(t, 'Pipeline').Stages as { Name: string }[];
      props(t, 'Pipeline').Stages = stages.filter((s) => s.Name !== 'Approval');
    });
    expect(result).toMatchObject({ route: 'commit' });
    const [commit] = events(sim, 'infra.commit');
    expect(sim.commit(commit!.commit)?.infra?.changeSet.modeChange).toEqual({ from: 'delivery', to: 'deployment' });
    expect(sim.stack.pendingChange?.commit).toBe(commit!.commit);
    const done = untilApplied(sim);
    // It was approved and deployed like any change, then the stack updated.
    expect(events(sim, 'approval.granted').some((e) => e.revision >= commit!.commit)).toBe(true);
    const deploy = events(sim, 'deploy.succeeded').find((e) => e.revision >= commit!.commit)!;
    const started = events(sim, 'stack.update.started').find((e) => e.commit === commit!.commit)!;
    expect(started.t).toBe(deploy.t);
    expect(
      events(sim, 'stack.update.resource')
        .filter((e) => e.t >= started.t)
        .map((e) => e.status),
    ).toContain('UPDATE_COMPLETE');
    expect(done.t).toBeGreaterThan(started.t);
    expect(sim.settings.mode).toBe('deployment');
    expect(sim.stack.status).toBe('UPDATE_COMPLETE');
    // From now on revisions go to production with nobody approving them.
    sim.advanceTo(sim.now + 3 * DAY);
    const later = events(sim, 'deploy.succeeded', done.t + 60);
    expect(later.length).toBeGreaterThan(0);
    expect(events(sim, 'approval.granted', done.t + 60)).toEqual([]);
  });

  it('adding the Approval stage back turns Continuous Deployment into Delivery: approvals are asked for again', () => {
    const sim = run('deployment');
    expect(sim.approval).toBeNull();
    const delivery = defaultTemplateObject({ ...defaultSettings('delivery'), testCoverage: sim.settings.testCoverage });
    sim.executeStack(JSON.stringify(delivery), delivery, 'You');
    const done = untilApplied(sim);
    expect(sim.settings.mode).toBe('delivery');
    expect(sim.approval).not.toBeNull();
    sim.advanceTo(sim.now + 2 * DAY);
    expect(events(sim, 'approval.requested', done.t).length).toBeGreaterThan(0);
    expect(events(sim, 'approval.granted', done.t).length).toBeGreaterThan(0);
  });

  it('the deploy configuration: a canary reaches a tenth of the users before the alarm, and deploys take its bake time', () => {
    const all = run('deployment', { days: 60 }, 5);
    const canary = run('deployment', { days: 60, deployConfig: 'Canary10Percent5Minutes' }, 5);
    all.runToEnd();
    canary.runToEnd();
    const rates = (sim: Simulation) =>
      events(sim, 'incident.started')
        .filter((e) => !e.drift)
        .map((e) => e.errorRate);
    expect(rates(all).length).toBeGreaterThan(3);
    expect(Math.max(...rates(canary))).toBeLessThanOrEqual(0.3 * 0.1 + 1e-9);
    expect(Math.max(...rates(all))).toBeGreaterThan(0.03);
    const deployMinutes = (sim: Simulation) => {
      const starts = new Map(
        events(sim, 'stage.started')
          .filter((e) => e.stage === 'deploy')
          .map((e) => [e.execution, e.t]),
      );
      return events(sim, 'deploy.succeeded').map((e) => e.t - starts.get(e.execution)!);
    };
    expect(Math.min(...deployMinutes(canary))).toBeGreaterThanOrEqual(3 + 5);
    expect(Math.max(...deployMinutes(all))).toBeLessThanOrEqual(6);
    // And through the template: the run takes the configuration when the change deploys.
    const live = run('deployment');
    execute(live, (t) => (props(t, 'DeploymentGroup').DeploymentConfigName = 'CodeDeployDefault.HalfAtATime'));
    untilApplied(live);
    expect(live.settings.deployConfig).toBe('HalfAtATime');
  });

  it('the alarm: threshold and evaluation periods change detection, ActionsEnabled false leaves it to customers', () => {
    const sim = run('deployment', { days: 90 });
    execute(sim, (t) => {
      props(t, 'ErrorAlarm').Threshold = 0.2;
      props(t, 'ErrorAlarm').EvaluationPeriods = 6;
    });
    const done = untilApplied(sim);
    expect(done.effects.join('; ')).toMatch(/fires at 20% errors.*waits 6 minutes/);
    expect([sim.settings.alarmThreshold, sim.settings.alarmEvaluationPeriods]).toEqual([0.2, 6]);
    sim.advanceTo(sim.now + 20 * DAY);
    const fired = events(sim, 'alarm.fired', done.t);
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.every((e) => e.threshold === 0.2)).toBe(true);

    execute(sim, (t) => (props(t, 'ErrorAlarm').ActionsEnabled = false));
    const off = untilApplied(sim);
    expect(sim.settings.monitoring).toBe(false);
    sim.advanceTo(sim.now + 30 * DAY);
    expect(events(sim, 'incident.started', off.t).length).toBeGreaterThan(0);
    expect(events(sim, 'alarm.fired', off.t)).toEqual([]);
    expect(events(sim, 'incident.reported', off.t).length).toBeGreaterThan(0);
  });

  it('the test action: fewer suites, less coverage', () => {
    const sim = run('delivery');
    expect(sim.testCoverage).toBe(0.7);
    execute(sim, (t) => {
      const env = props(t, 'TestProject').Environment as { EnvironmentVariables: { Name: string; Value: string }[] };
      env.EnvironmentVariables[0]!.Value = 'unit';
    });
    untilApplied(sim);
    expect(sim.testCoverage).toBe(0.4);
  });

  it('an update the stack policy forbids rolls back, says why, and leaves the stack and the run as they were', () => {
    const sim = run('manual');
    const before = sim.stack.template;
    const result = execute(sim, (t) => {
      props(t, 'ShopDatabase').DBInstanceIdentifier = 'shop-v2';
      props(t, 'ErrorAlarm').Threshold = 0.3;
    });
    expect(result.route).toBe('direct');
    sim.advanceTo(sim.now + 120);
    const [rolledBack] = events(sim, 'stack.update.rolledBack');
    expect(rolledBack).toMatchObject({ logicalId: 'ShopDatabase', reason: expect.stringMatching(/denied by stack policy/) });
    expect(sim.stack.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(sim.stack.template).toBe(before);
    expect(sim.settings.alarmThreshold).toBe(0.05);
    expect(sim.stack.events.map((e) => e.status)).toEqual(
      expect.arrayContaining(['UPDATE_IN_PROGRESS', 'UPDATE_FAILED', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE']),
    );
  });

  it('an invalid template is refused and nothing changes', () => {
    const sim = run('delivery');
    const { text, template } = edit(sim, (t) => (props(t, 'ErrorAlarm').Threshold = 'high'));
    const result = sim.executeStack(text, template, 'You');
    expect(result).toMatchObject({ ok: false, problems: [{ path: 'Resources.ErrorAlarm.Properties.Threshold' }] });
    expect(events(sim, 'infra.commit')).toEqual([]);
  });
});

describe('drift in the run', () => {
  it('a hand change to the instance size: the next deploy causes an incident that staging never had, until the template is re-applied', () => {
    const sim = run('deployment');
    expect(sim.injectDrift('instance-size')).toBe(true);
    sim.advanceTo(sim.now + DAY);
    const drifted = events(sim, 'incident.started').filter((e) => e.drift === 'instance-size');
    expect(drifted.length).toBeGreaterThan(0);
    expect(events(sim, 'deploy.succeeded').some((e) => e.drift === 'instance-size')).toBe(true);
    sim.detectDrift();
    expect(sim.stack.drift?.find((r) => r.logicalId === 'WebServerLaunchTemplate')).toMatchObject({
      status: 'MODIFIED',
      differences: [{ path: 'LaunchTemplateData.InstanceType', expected: 't3.medium', actual: 't3.micro' }],
    });
    // Re-apply the template as it is.
    const { template } = sim.stack;
    expect(sim.executeStack(sim.stack.templateText, template, 'You')).toMatchObject({ ok: true, route: 'direct' });
    sim.advanceTo(sim.now + 30);
    expect(events(sim, 'drift.resolved')).toEqual([expect.objectContaining({ change: 'instance-size', how: 'template-applied' })]);
    expect(sim.stack.drift?.every((r) => r.status === 'IN_SYNC')).toBe(true);
    const fixedAt = sim.now;
    sim.advanceTo(sim.now + 3 * DAY);
    expect(events(sim, 'deploy.succeeded', fixedAt).length).toBeGreaterThan(0);
    expect(events(sim, 'deploy.succeeded', fixedAt).some((e) => e.drift)).toBe(false);
  });

  it('a hand change to the security group port makes deploys fail until the template is updated to match', () => {
    const sim = run('deployment');
    sim.injectDrift('security-group-port');
    sim.advanceTo(sim.now + DAY);
    const failed = events(sim, 'stage.failed').filter((e) => e.reason === 'drift');
    expect(failed.length).toBeGreaterThan(0);
    expect(events(sim, 'deploy.succeeded', MORNING + 10)).toEqual([]);
    // Updating the template to what production has resolves it, at once: no deploy could carry it.
    const result = execute(sim, (t) => ((props(t, 'WebSecurityGroup').SecurityGroupIngress as { FromPort: number; ToPort: number }[])[0]!.FromPort = 8443));
    expect(result.route).toBe('direct');
    sim.advanceTo(sim.now + 30);
    expect(events(sim, 'drift.resolved')).toEqual([expect.objectContaining({ change: 'security-group-port', how: 'template-matches' })]);
    expect(sim.handChanges.size).toBe(0);
    const fixedAt = sim.now;
    sim.advanceTo(sim.now + DAY);
    expect(events(sim, 'deploy.succeeded', fixedAt).length).toBeGreaterThan(0);
    expect(events(sim, 'stage.failed', fixedAt).some((e) => e.reason === 'drift')).toBe(false);
  });

  it('the alarm switched off by hand: incidents are found by customers until the drift is resolved', () => {
    const sim = run('deployment', { days: 90 });
    sim.injectDrift('alarm-off');
    sim.advanceTo(sim.now + 20 * DAY);
    expect(events(sim, 'incident.started').length).toBeGreaterThan(0);
    expect(events(sim, 'alarm.fired')).toEqual([]);
  });

  it('with IaC off, environments drift by themselves; with it on or unset, never', () => {
    const count = (iac: boolean | undefined) => {
      let n = 0;
      for (const seed of [1, 2, 3]) {
        const sim = new Simulation({ ...defaultSettings('ci', seed), days: 180, iac }, { stages: 'direct', keepLog: true }).runToEnd();
        n += events(sim, 'incident.started').filter((e) => e.drift).length;
      }
      return n;
    };
    expect(count(false)).toBeGreaterThan(0);
    expect(count(true)).toBe(0);
    expect(count(undefined)).toBe(0);
  });
});

describe('the runner journals stack and drift actions', () => {
  it('rewind replays stack.execute, drift.inject and drift.detect to the same event log', () => {
    const settings: Settings = { ...defaultSettings('delivery', 4), days: 30 };
    const actor = createActor(runnerMachine, { input: { settings } }).start();
    const sim = () => actor.getSnapshot().context.sim;
    actor.send({ type: 'run.jump', withinMinutes: MORNING });
    const template = structuredClone(sim().stack.template);
    props(template, 'ErrorAlarm').Threshold = 0.1;
    actor.send({ type: 'stack.execute', templateText: JSON.stringify(template), template, by: 'You' });
    actor.send({ type: 'run.jump', withinMinutes: 120 });
    actor.send({ type: 'drift.inject', change: 'instance-size' });
    expect(actor.getSnapshot().can({ type: 'drift.inject', change: 'instance-size' })).toBe(false);
    actor.send({ type: 'run.jump', withinMinutes: 600 });
    actor.send({ type: 'drift.detect' });
    actor.send({ type: 'run.jump', withinMinutes: 2 * DAY });
    const journal = actor.getSnapshot().context.journal.map((e) => e.event.type);
    expect(journal).toEqual(['stack.execute', 'drift.inject', 'drift.detect']);
    const t = sim().now;
    const original = JSON.stringify(sim().log);
    expect(sim().log.some((e) => e.type === 'stack.update.completed')).toBe(true);
    expect(sim().log.some((e) => e.type === 'drift.detected')).toBe(true);
    actor.send({ type: 'run.rewind', to: t });
    expect(sim().now).toBe(t);
    expect(JSON.stringify(sim().log)).toBe(original);
    actor.stop();
  });
});
