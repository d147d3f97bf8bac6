import { describe, expect, it } from 'vitest';
import type { LoggedEvent, SimEvent } from '@/machines/events';
import { computeMetrics, leadTimeWithPending } from '@/machines/metrics/metrics';
import { classify, DORA_2024 } from '@/machines/metrics/dora';
import { median, quantile } from '@/machines/metrics/stats';

/** A hand-written log: each entry is [minute, event]. */
function logOf(entries: [number, SimEvent][]): LoggedEvent[] {
  return entries.map(([t, e], i) => ({ ...e, t, seq: i + 1 }) as LoggedEvent);
}

const push = (commit: number): SimEvent => ({ type: 'commit.pushed', commit, sha: `c${commit}`, author: 'Priya', message: 'm', kind: 'feature', size: 10 });

// One day. Answers worked out by hand (fourkeys definitions):
//   commits 1-4 pushed at 0, 60, 120, 180
//   deploy #1 at 100 ships revision 1 (batch 1, clean)            -> lead(c1) = 100
//   deploy #2 at 300 ships revisions 2-3 (batch 2, defect in c3)  -> lead(c2) = 240, lead(c3) = 180, failed change
//   incident 1 from 320 to 380                                    -> time to restore 60 min
//   c4 is still pending when the day ends (age 1440 - 180 = 1260)
const DAY = logOf([
  [0, push(1)],
  [1, { type: 'stage.entered', execution: 1, stage: 'build' }],
  [1, { type: 'stage.started', execution: 1, stage: 'build' }],
  [6, { type: 'stage.succeeded', execution: 1, stage: 'build', revision: 1 }],
  [6, { type: 'stage.entered', execution: 1, stage: 'test' }],
  [10, { type: 'handoff.queued', handoff: 1, from: 'dev', to: 'ops', about: 'deploy' }],
  [10, { type: 'stage.started', execution: 1, stage: 'test' }],
  [20, { type: 'stage.failed', execution: 1, stage: 'test', revision: 1, reason: 'flaky-test', culprits: [] }],
  [30, { type: 'stage.entered', execution: 5, stage: 'approval' }],
  [50, { type: 'stage.entered', execution: 6, stage: 'approval' }],
  [50, { type: 'execution.superseded', execution: 5, stage: 'approval', by: 6 }],
  [60, push(2)],
  [90, { type: 'approval.granted', execution: 6, revision: 1, by: 'Priya' }],
  [100, { type: 'deploy.succeeded', execution: 6, revision: 1, from: 0, batch: 1, defects: [], deployment: 1 }],
  [120, push(3)],
  [130, { type: 'handoff.done', handoff: 1, waited: 120 }],
  [180, push(4)],
  [300, { type: 'deploy.succeeded', execution: 9, revision: 3, from: 1, batch: 2, defects: [3], deployment: 2 }],
  [320, { type: 'incident.started', incident: 1, deployment: 2, revision: 3, errorRate: 0.1, culprits: [3] }],
  [330, { type: 'alarm.fired', incident: 1, errorRate: 0.1, threshold: 0.05 }],
  [375, { type: 'deploy.rolledBack', incident: 1, from: 3, to: 1 }],
  [380, { type: 'incident.restored', incident: 1, path: 'automatic-rollback' }],
]);

describe('the four keys from a hand-written log', () => {
  const m = computeMetrics(DAY, { from: 0, to: 1440 });

  it('counts deployment frequency per day of the window', () => {
    expect(m.deployments).toBe(2);
    expect(m.deploymentsPerDay).toBe(2);
  });

  it('measures lead time from push to the first deployment carrying the commit, pending included', () => {
    // Sorted: 100, 180, 240, 1260 (pending). Median (180 + 240) / 2 = 210 min.
    expect(m.leadTimeHours.median).toBeCloseTo(210 / 60);
    expect(m.leadTimeHours.medianIsLowerBound).toBe(false);
    // p90 at rank 2.7: 240 + 0.7 * (1260 - 240) = 954 min, and it touches the pending commit.
    expect(m.leadTimeHours.p90).toBeCloseTo(954 / 60);
    expect(m.leadTimeHours.p90IsLowerBound).toBe(true);
    expect(m.leadTimeHours.deployed).toBe(3);
    expect(m.leadTimeHours.pending).toBe(1);
  });

  it('divides failed changes by deployments', () => {
    expect(m.failedChanges).toBe(1);
    expect(m.changeFailureRate).toBe(0.5);
  });

  it('measures time to restore from the incident start', () => {
    expect(m.timeToRestoreHours.median).toBe(1);
    expect(m.timeToRestoreHours.restored).toBe(1);
    expect(m.timeToRestoreHours.open).toBe(0);
    expect(m.rollbacks).toBe(1);
  });

  it('reports batch sizes, approval wait and handoffs', () => {
    expect(m.batchSize).toEqual({ mean: 1.5, median: 1.5, max: 2 });
    // The gate held work from minute 30 (the superseded revision) until the decision at 90.
    expect(m.approvalWaitHours.median).toBe(1);
    expect(m.approvalWaitHours.decisions).toBe(1);
    expect(m.handoffs).toEqual({ count: 1, hoursWaiting: 2 });
  });

  it('splits each stage into waiting and working time', () => {
    expect(m.stages.build).toMatchObject({ entered: 1, succeeded: 1, passRate: 1, meanWaitingMinutes: 0, meanWorkingMinutes: 5 });
    expect(m.stages.test).toMatchObject({ entered: 1, failed: 1, passRate: 0, meanWaitingMinutes: 4, meanWorkingMinutes: 10 });
    expect(m.stages.approval).toMatchObject({ entered: 2, succeeded: 1, superseded: 1 });
  });

  it('places each key in a 2024 DORA band', () => {
    expect(m.bands.year).toBe(2024);
    expect(m.bands.deploymentFrequency?.band).toBe('elite');
    expect(m.bands.leadTime?.band).toBe('elite');
    expect(m.bands.changeFailureRate?.band).toBe('low');
    // Exactly one hour is not "less than one hour".
    expect(m.bands.timeToRestore?.band).toBe('high');
  });

  it('leaves a key unclassified when there is nothing to measure', () => {
    const empty = computeMetrics([], { from: 0, to: 1440 });
    expect(empty.changeFailureRate).toBeNull();
    expect(empty.bands.changeFailureRate).toBeNull();
    expect(empty.bands.timeToRestore).toBeNull();
    expect(empty.leadTimeHours.median).toBeNull();
    expect(empty.bands.deploymentFrequency?.band).toBe('low');
  });

  it('measures only inside the window', () => {
    const late = computeMetrics(DAY, { from: 200, to: 1440 });
    expect(late.deployments).toBe(1);
    expect(late.commits).toBe(0);
    expect(late.changeFailureRate).toBe(1);
    expect(late.incidents).toBe(1);
  });
});

describe('DORA 2024 bands', () => {
  it.each([
    ['deploymentFrequency', 3, 'elite'],
    ['deploymentFrequency', 1, 'elite'],
    ['deploymentFrequency', 0.5, 'high'],
    ['deploymentFrequency', 1 / 7, 'high'],
    ['deploymentFrequency', 0.1, 'medium'],
    ['deploymentFrequency', 1 / 90, 'low'],
    ['leadTime', 2, 'elite'],
    ['leadTime', 30, 'high'],
    ['leadTime', 24 * 10, 'medium'],
    ['leadTime', 24 * 45, 'low'],
    ['changeFailureRate', 0.05, 'elite'],
    ['changeFailureRate', 0.08, 'medium'],
    ['changeFailureRate', 0.15, 'high'],
    ['changeFailureRate', 0.4, 'low'],
    ['timeToRestore', 0.5, 'elite'],
    ['timeToRestore', 5, 'high'],
    ['timeToRestore', 24 * 8, 'low'],
  ] as const)('%s %f is %s', (metric, value, band) => {
    expect(classify(metric, value)?.band).toBe(band);
  });

  it('names its report year and source', () => {
    expect(DORA_2024.year).toBe(2024);
    expect(DORA_2024.source).toMatch(/2024/);
  });
});

describe('statistics', () => {
  it('interpolates quantiles between closest ranks', () => {
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(quantile([10, 20, 30, 40, 50], 0.9)).toBe(46);
    expect(median([])).toBeNull();
  });

  it('flags a median that lands on a pending commit', () => {
    const lt = leadTimeWithPending([60], [600, 1200]);
    expect(lt.median).toBe(10);
    expect(lt.medianIsLowerBound).toBe(true);
  });
});
