import { describe, expect, it } from 'vitest';
import { Simulation } from '@/machines/engine/simulation';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import type { LoggedEvent, SimEvent } from '@/machines/events';
import { describeEvent, eventContext, type EventContext } from '@/machines/narration/describeEvent';
import { announcementSince, feedItem, feedText, recentActivity } from '@/machines/narration/feed';
import { indexAfterSeq } from '@/machines/sim/eventLog';
import { FAILURE_WORDS, FAULT_WORDS, START_RELEASE } from '@/machines/words';
import { stageHistory } from '@/machines/view/stageHistory';
import { settingsFor } from '@/lib/url/simulatorParams';

const ctx: EventContext = {
  sha: (r) => (r > 0 ? `sha${r}` : START_RELEASE.told),
  author: (r) => (r === 7 ? 'Priya' : undefined),
  revisionOf: (x) => x + 100,
  incidentStartedAt: () => 500,
  teamVoice: 'Priya',
  learnerApproves: true,
};
const at = <T extends LoggedEvent['type']>(e: Omit<Extract<LoggedEvent, { type: T }>, 't' | 'seq'> & { type: T }, seq = 1) =>
  ({ ...e, t: 600, seq }) as unknown as LoggedEvent;

describe('the feed', () => {
  it('speaks in people’s words', () => {
    const push = feedItem(
      at({ type: 'commit.pushed', commit: 7, sha: '3f2a1c1', author: 'Priya', message: 'fix checkout rounding', kind: 'fix', size: 12 }),
      ctx,
    )!;
    expect(feedText(push.parts)).toBe('Priya pushed 3f2a1c1: fix checkout rounding');
    expect(push.parts[1]).toEqual({ commit: 7, sha: '3f2a1c1' });
    expect(push.announce).toBe(false);

    const failed = feedItem(at({ type: 'stage.failed', execution: 1, stage: 'build', revision: 7, reason: 'compile-error', culprits: [7] }), ctx)!;
    expect(feedText(failed.parts)).toBe('Build failed for sha7: compile error.');
    expect(failed.tone).toBe('bad');
    expect(failed.announce).toBe(true);

    const deployed = feedItem(
      at({ type: 'deploy.succeeded', execution: 1, revision: 9, from: 2, batch: 7, reshipped: 0, defects: [4], deployment: 1, hotfix: false, patch: [] }),
      ctx,
    )!;
    expect(feedText(deployed.parts)).toBe('sha9 is live in production: 7 commits shipped.');
    // A shipped defect stays hidden until production reveals it.
    expect(feedText(deployed.parts)).not.toMatch(/defect/);

    const approved = feedItem(at({ type: 'approval.granted', execution: 1, revision: 9, by: 'You', comment: 'ship it' }), ctx)!;
    expect(feedText(approved.parts)).toBe('You approved sha9: “ship it”');
  });

  it('asks the learner for approval only when the learner approves', () => {
    const e = at({ type: 'approval.requested', execution: 1, revision: 9, pendingCommits: 3 });
    expect(feedText(feedItem(e, ctx)!.parts)).toBe('sha9 waits for your approval with 3 commits.');
    expect(feedItem(e, { ...ctx, learnerApproves: false })!.announce).toBe(false);
  });

  it('skips bookkeeping events', () => {
    expect(feedItem(at({ type: 'stage.started', execution: 1, stage: 'build' }), ctx)).toBeNull();
    expect(feedItem(at({ type: 'execution.started', execution: 1, revision: 1 }), ctx)).toBeNull();
  });

  it('describes every event a real run produces without throwing', () => {
    for (const mode of ['manual', 'ci', 'delivery', 'deployment'] as const) {
      const s = new Simulation({ ...settingsFor({ mode, seed: 11, speed: 30, approver: 'scheduled' }), culture: 'silos' });
      s.inject('escape-defect');
      s.advanceTo(20 * MINUTES_PER_DAY);
      const c = eventContext(s);
      for (const e of s.log) {
        const item = feedItem(e, c);
        if (item) expect(feedText(item.parts).length).toBeGreaterThan(5);
      }
    }
  });
});

/**
 * One event of every type. The mapped type makes this list fail to compile when an event type is
 * added to machines/events.ts, as `describeEvent`'s switch does.
 */
const EVERY_EVENT: { [T in SimEvent['type']]: Extract<SimEvent, { type: T }> } = {
  'commit.pushed': { type: 'commit.pushed', commit: 7, sha: '3f2a1c1', author: 'Priya', message: 'fix checkout rounding', kind: 'fix', size: 12 },
  'execution.started': { type: 'execution.started', execution: 1, revision: 7 },
  'stage.entered': { type: 'stage.entered', execution: 1, stage: 'build' },
  'stage.started': { type: 'stage.started', execution: 1, stage: 'build' },
  'stage.succeeded': { type: 'stage.succeeded', execution: 1, stage: 'build', revision: 7 },
  'stage.failed': { type: 'stage.failed', execution: 1, stage: 'test', revision: 7, reason: 'flaky-test', culprits: [] },
  'execution.superseded': { type: 'execution.superseded', execution: 1, stage: 'build', by: 2 },
  'execution.held': { type: 'execution.held', execution: 1, revision: 7, incident: 3 },
  'approval.requested': { type: 'approval.requested', execution: 1, revision: 7, pendingCommits: 2 },
  'approval.granted': { type: 'approval.granted', execution: 1, revision: 7, by: 'Helen' },
  'approval.rejected': { type: 'approval.rejected', execution: 1, revision: 7, by: 'Helen', comment: 'too big' },
  'release.scheduled': { type: 'release.scheduled', execution: 1, revision: 7 },
  'deploy.succeeded': {
    type: 'deploy.succeeded',
    execution: 1,
    revision: 7,
    from: 2,
    batch: 5,
    reshipped: 0,
    defects: [],
    deployment: 4,
    hotfix: false,
    patch: [],
  },
  'incident.started': { type: 'incident.started', incident: 3, deployment: 4, revision: 7, errorRate: 0.2, culprits: [7] },
  'alarm.fired': { type: 'alarm.fired', incident: 3, errorRate: 0.2, threshold: 0.05 },
  'incident.reported': { type: 'incident.reported', incident: 3 },
  'incident.paged': { type: 'incident.paged', incident: 3, person: 'Olga' },
  'incident.acknowledged': { type: 'incident.acknowledged', incident: 3, person: 'Olga' },
  'rollback.started': { type: 'rollback.started', incident: 3, automatic: false, by: 'Olga', to: 0 },
  'deploy.rolledBack': { type: 'deploy.rolledBack', incident: 3, from: 7, to: 0 },
  'incident.restored': { type: 'incident.restored', incident: 3, path: 'manual-rollback' },
  'handoff.queued': { type: 'handoff.queued', handoff: 1, from: 'dev', to: 'ops', about: 'approve revision 3f2a1c1' },
  'handoff.done': { type: 'handoff.done', handoff: 1, waited: 900, workingMinutes: 90 },
  'postmortem.held': { type: 'postmortem.held', incident: 3, blameless: true, action: 'add a test for rounding' },
  'pipeline.held': { type: 'pipeline.held', incident: 3 },
  'pipeline.resumed': { type: 'pipeline.resumed' },
  'fault.injected': { type: 'fault.injected', fault: 'break-build' },
  'fault.applied': { type: 'fault.applied', fault: 'break-build', commit: 7 },
  'rollback.failed': { type: 'rollback.failed', incident: 3, from: 7, to: 2 },
  'hotfix.planned': { type: 'hotfix.planned', revision: 7, reason: 'incident', at: 700 },
  'release.due': { type: 'release.due', kind: 'release-day' },
  'infra.commit': { type: 'infra.commit', commit: 8, by: 'You', summary: '1 resource to modify.' },
  'stack.update.started': { type: 'stack.update.started', by: 'You', summary: '1 resource to modify.', resources: 1, commit: 8 },
  'stack.update.resource': {
    type: 'stack.update.resource',
    logicalId: 'ShopDatabase',
    resourceType: 'AWS::RDS::DBInstance',
    status: 'UPDATE_FAILED',
    reason: 'denied',
  },
  'stack.update.completed': { type: 'stack.update.completed', effects: ['the alarm fires at 10% errors'] },
  'stack.update.rolledBack': { type: 'stack.update.rolledBack', logicalId: 'ShopDatabase', reason: 'Action denied by stack policy' },
  'drift.introduced': { type: 'drift.introduced', change: 'instance-size', logicalId: 'WebServerLaunchTemplate', snowflake: false },
  'drift.detected': { type: 'drift.detected', modified: ['WebServerLaunchTemplate'] },
  'drift.resolved': { type: 'drift.resolved', change: 'instance-size', how: 'template-applied' },
  'settings.changed': { type: 'settings.changed', change: { monitoring: false } },
};

/** Events nobody mentions: the diagram shows them. */
const BOOKKEEPING = new Set<SimEvent['type']>(['execution.started', 'stage.entered', 'stage.started', 'stage.succeeded']);

describe('describeEvent', () => {
  it('describes every event type, in the feed or the chat or both', () => {
    for (const [type, event] of Object.entries(EVERY_EVENT)) {
      const d = describeEvent({ ...event, t: 600, seq: 1 } as LoggedEvent, ctx);
      if (BOOKKEEPING.has(type as SimEvent['type'])) {
        expect(d, type).toBeNull();
        continue;
      }
      expect(d, type).not.toBeNull();
      expect(d!.feed !== null || d!.chat !== null, type).toBe(true);
      if (d!.feed) expect(feedText(d!.feed).length, type).toBeGreaterThan(5);
      if (d!.chat) expect(d!.chat.text.length, type).toBeGreaterThan(5);
    }
  });

  it('gives the feed and the chat the same words for failures, faults and revision 0', () => {
    const say = (e: SimEvent) => describeEvent({ ...e, t: 600, seq: 1 } as LoggedEvent, ctx)!;
    const flaky = say(EVERY_EVENT['stage.failed']);
    expect(feedText(flaky.feed!)).toContain(FAILURE_WORDS['flaky-test'].told);
    expect(flaky.chat!.text).toContain(FAILURE_WORDS['flaky-test'].told);

    const fault = say(EVERY_EVENT['fault.injected']);
    expect(feedText(fault.feed!)).toContain(FAULT_WORDS['break-build'].told);
    expect(fault.chat!.text).toContain(FAULT_WORDS['break-build'].told);

    for (const automatic of [true, false]) {
      const rollback = say({ ...EVERY_EVENT['rollback.started'], automatic });
      expect(feedText(rollback.feed!)).toContain(START_RELEASE.told);
      expect(rollback.chat!.text).toContain(START_RELEASE.told);
    }
    expect(feedText(say(EVERY_EVENT['deploy.rolledBack']).feed!)).toBe(`Production rolled back to ${START_RELEASE.told}.`);
  });

  it('mentions the authors of a failure in the chat only', () => {
    const d = describeEvent(at({ type: 'stage.failed', execution: 1, stage: 'build', revision: 7, reason: 'compile-error', culprits: [7] }), ctx)!;
    expect(d.chat).toEqual({ who: 'CodePipeline', text: 'Build failed for sha7: compile error in sha7. @Priya please take a look.' });
    expect(feedText(d.feed!)).toBe('Build failed for sha7: compile error.');
  });
});

describe('recentActivity and announcements', () => {
  const s = new Simulation(settingsFor({ mode: 'deployment', seed: 2, speed: 30, approver: 'learner' }));
  s.advanceTo(2 * MINUTES_PER_DAY);
  const c = eventContext(s);

  it('lists the newest lines first', () => {
    const items = recentActivity(s.log, c, 10);
    expect(items).toHaveLength(10);
    for (let i = 1; i < items.length; i++) expect(items[i]!.seq).toBeLessThan(items[i - 1]!.seq);
  });

  it('finds events after a sequence number', () => {
    expect(indexAfterSeq(s.log, 0)).toBe(0);
    expect(indexAfterSeq(s.log, s.log[s.log.length - 1]!.seq)).toBe(s.log.length);
    expect(s.log[indexAfterSeq(s.log, s.log[5]!.seq)]).toBe(s.log[6]);
  });

  it('sums a burst of deployments into one sentence', () => {
    const text = announcementSince(s.log, 0, c)!;
    expect(text).toMatch(/\d+ deployments reached production\./);
    expect(announcementSince(s.log, s.log[s.log.length - 1]!.seq, c)).toBeNull();
  });
});

describe('pending faults', () => {
  it('are counted by the engine until they strike, and each strike is logged', () => {
    const s = new Simulation(settingsFor({ mode: 'deployment', seed: 4, speed: 30, approver: 'learner' }));
    s.inject('break-build');
    s.inject('fail-deploy');
    expect(s.pendingFaults()).toMatchObject({ 'break-build': 1, 'fail-deploy': 1 });
    // Until the first push, nothing strikes.
    s.advanceTo(9 * 60 - 1);
    expect(s.pendingFaults()['break-build']).toBe(1);
    s.advanceTo(MINUTES_PER_DAY);
    expect(s.pendingFaults()).toMatchObject({ 'break-build': 0, 'fail-deploy': 0 });
    expect(s.log.some((e) => e.type === 'stage.failed' && e.stage === 'deploy' && e.reason === 'injected')).toBe(true);
    expect(s.log.filter((e) => e.type === 'fault.applied').map((e) => (e.type === 'fault.applied' ? e.fault : null))).toEqual(['break-build', 'fail-deploy']);
  });

  it('keeps a slipped defect pending after a broken build takes the next commit (one fault per commit)', () => {
    const s = new Simulation(settingsFor({ mode: 'deployment', seed: 4, speed: 30, approver: 'learner' }));
    s.inject('break-build');
    s.inject('escape-defect');
    // The first push takes the broken build; the defect waits for the next feature commit.
    const first = s.log.length;
    while (!s.log.slice(first).some((e) => e.type === 'commit.pushed')) s.step();
    expect(s.pendingFaults()).toMatchObject({ 'break-build': 0, 'escape-defect': 1 });
  });
});

describe('stageHistory', () => {
  it('lists a stage’s latest outcomes, newest first', () => {
    const s = new Simulation(settingsFor({ mode: 'deployment', seed: 5, speed: 30, approver: 'learner' }));
    s.advanceTo(3 * MINUTES_PER_DAY);
    const history = stageHistory(s.log, 'build', 5, (x) => s.executions.get(x)?.revision);
    expect(history.length).toBe(5);
    for (let i = 1; i < history.length; i++) expect(history[i]!.t).toBeLessThanOrEqual(history[i - 1]!.t);
    expect(history.every((h) => ['succeeded', 'failed', 'superseded'].includes(h.result))).toBe(true);
  });
});
