import { describe, expect, it } from 'vitest';
import { Simulation } from '@/machines/engine/simulation';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import type { LoggedEvent } from '@/machines/events';
import {
  announcementSince,
  describeEvent,
  feedContext,
  feedText,
  indexAfterSeq,
  recentActivity,
  type FeedContext,
} from '@/machines/view/activity';
import { FaultTracker, armedFaults } from '@/machines/view/faults';
import { stageHistory } from '@/machines/view/stageHistory';
import { settingsFor } from '@/lib/url/simulatorParams';

const ctx: FeedContext = {
  sha: (r) => `sha${r}`,
  revisionOf: (x) => x + 100,
  learnerApproves: true,
};
const at = <T extends LoggedEvent['type']>(e: Omit<Extract<LoggedEvent, { type: T }>, 't' | 'seq'> & { type: T }, seq = 1) =>
  ({ ...e, t: 600, seq }) as unknown as LoggedEvent;

describe('describeEvent', () => {
  it('speaks in people’s words', () => {
    const push = describeEvent(at({ type: 'commit.pushed', commit: 7, sha: '3f2a1c1', author: 'Priya', message: 'fix checkout rounding', kind: 'fix', size: 12 }), ctx)!;
    expect(feedText(push.parts)).toBe('Priya pushed 3f2a1c1: fix checkout rounding');
    expect(push.parts[1]).toEqual({ commit: 7, sha: '3f2a1c1' });
    expect(push.announce).toBe(false);

    const failed = describeEvent(at({ type: 'stage.failed', execution: 1, stage: 'build', revision: 7, reason: 'compile-error', culprits: [7] }), ctx)!;
    expect(feedText(failed.parts)).toBe('Build failed for sha7: compile error.');
    expect(failed.tone).toBe('bad');
    expect(failed.announce).toBe(true);

    const deployed = describeEvent(at({ type: 'deploy.succeeded', execution: 1, revision: 9, from: 2, batch: 7, reshipped: 0, defects: [4], deployment: 1, hotfix: false }), ctx)!;
    expect(feedText(deployed.parts)).toBe('sha9 is live in production: 7 commits shipped.');
    // A shipped defect stays hidden until production reveals it.
    expect(feedText(deployed.parts)).not.toMatch(/defect/);

    const approved = describeEvent(at({ type: 'approval.granted', execution: 1, revision: 9, by: 'You', comment: 'ship it' }), ctx)!;
    expect(feedText(approved.parts)).toBe('You approved sha9: “ship it”');
  });

  it('asks the learner for approval only when the learner approves', () => {
    const e = at({ type: 'approval.requested', execution: 1, revision: 9, pendingCommits: 3 });
    expect(feedText(describeEvent(e, ctx)!.parts)).toBe('sha9 waits for your approval with 3 commits.');
    expect(describeEvent(e, { ...ctx, learnerApproves: false })!.announce).toBe(false);
  });

  it('skips bookkeeping events', () => {
    expect(describeEvent(at({ type: 'stage.started', execution: 1, stage: 'build' }), ctx)).toBeNull();
    expect(describeEvent(at({ type: 'execution.started', execution: 1, revision: 1 }), ctx)).toBeNull();
  });

  it('describes every event a real run produces without throwing', () => {
    for (const mode of ['manual', 'ci', 'delivery', 'deployment'] as const) {
      const s = new Simulation({ ...settingsFor({ mode, seed: 11, speed: 30, approver: 'scheduled' }), culture: 'silos' });
      s.inject('escape-defect');
      s.advanceTo(20 * MINUTES_PER_DAY);
      const c = feedContext(s);
      for (const e of s.log) {
        const item = describeEvent(e, c);
        if (item) expect(feedText(item.parts).length).toBeGreaterThan(5);
      }
    }
  });
});

describe('recentActivity and announcements', () => {
  const s = new Simulation(settingsFor({ mode: 'deployment', seed: 2, speed: 30, approver: 'learner' }));
  s.advanceTo(2 * MINUTES_PER_DAY);
  const c = feedContext(s);

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

describe('FaultTracker', () => {
  it('counts injected faults until they strike', () => {
    const s = new Simulation(settingsFor({ mode: 'deployment', seed: 4, speed: 30, approver: 'learner' }));
    const tracker = new FaultTracker();
    s.inject('break-build');
    s.inject('fail-deploy');
    expect(tracker.update(s.log)).toMatchObject({ 'break-build': 1, 'fail-deploy': 1 });
    // Until the first push, nothing strikes.
    s.advanceTo(9 * 60 - 1);
    expect(tracker.update(s.log)['break-build']).toBe(1);
    s.advanceTo(MINUTES_PER_DAY);
    const armed = tracker.update(s.log);
    expect(armed['break-build']).toBe(0);
    expect(armed['fail-deploy']).toBe(0);
    expect(s.log.some((e) => e.type === 'stage.failed' && e.stage === 'deploy' && e.reason === 'injected')).toBe(true);
    expect(armedFaults(s.log)).toEqual(armed);
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
