import { describe, expect, it } from 'vitest';
import type { LoggedEvent, SimEvent } from '@/machines/events';
import { cadenceOf, computeMetrics, leadTimeWithPending } from '@/machines/metrics/metrics';
import { BANDS, classify, DORA_2024, placeDeploymentFrequency } from '@/machines/metrics/dora';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
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
//   the rollback at 375 takes c2 and c3 out of production again: they count as pending, like c4
//   (ages at the end of the day: c2 1380, c3 1320, c4 1260)
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
  [100, { type: 'deploy.succeeded', execution: 6, revision: 1, from: 0, batch: 1, reshipped: 0, defects: [], deployment: 1, hotfix: false, patch: [] }],
  [120, push(3)],
  [130, { type: 'handoff.done', handoff: 1, waited: 120, workingMinutes: 90 }],
  [180, push(4)],
  [300, { type: 'deploy.succeeded', execution: 9, revision: 3, from: 1, batch: 2, reshipped: 0, defects: [3], deployment: 2, hotfix: false, patch: [] }],
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

  it('counts a commit as delivered only while it runs in production', () => {
    // c1 stuck (100); c2 and c3 were rolled back out: pending with c4. Sorted: 100, 1260, 1320, 1380.
    expect(m.leadTimeHours.deployed).toBe(1);
    expect(m.leadTimeHours.pending).toBe(3);
    expect(m.leadTimeHours.median).toBeCloseTo(1290 / 60);
    expect(m.leadTimeHours.medianIsLowerBound).toBe(true);
  });

  it('measures lead time from push to the deployment that stuck', () => {
    const before = computeMetrics(DAY, { from: 0, to: 370 });
    // Before the rollback: 100, 180, 240 and c4 pending at 370 - 180 = 190. Median (180 + 190) / 2.
    expect(before.leadTimeHours.deployed).toBe(3);
    expect(before.leadTimeHours.median).toBeCloseTo(185 / 60);
    expect(before.leadTimeHours.medianIsLowerBound).toBe(true);
    // Shipped again after the rollback, c2 and c3 count from the second deployment, re-shipped apart.
    const again = logOf([
      ...DAY.map((e) => [e.t, e] as [number, SimEvent]),
      [900, { type: 'deploy.succeeded', execution: 12, revision: 4, from: 1, batch: 3, reshipped: 2, defects: [], deployment: 3, hotfix: true, patch: [] }],
    ]);
    const after = computeMetrics(again, { from: 0, to: 1440 });
    expect(after.leadTimeHours.deployed).toBe(4);
    expect(after.leadTimeHours.median).toBeCloseTo((720 + 780) / 2 / 60);
    expect(after.batchSize).toEqual({ mean: 2, median: 2, max: 3, reshipped: 2 });
    expect(after.hotfixes).toBe(1);
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
    expect(m.batchSize).toEqual({ mean: 1.5, median: 1.5, max: 2, reshipped: 0 });
    // The gate held work from minute 30 (the superseded revision) until the decision at 90.
    expect(m.approvalWaitHours.median).toBe(1);
    expect(m.approvalWaitHours.decisions).toBe(1);
    // Working hours only: the ticket's 120 minutes on the clock held 90 of working time.
    expect(m.handoffs).toEqual({ count: 1, hoursWaiting: 1.5 });
    // Error-weighted incident minutes: 60 minutes at 10% failing.
    expect(m.customerImpactMinutes).toBeCloseTo(6);
  });

  it('measures approval waiting once: the stage table and the approval wait agree', () => {
    expect(m.stages.approval.meanWaitingMinutes).toBeCloseTo(m.approvalWaitHours.mean! * 60);
  });

  it('splits each stage into waiting and working time', () => {
    expect(m.stages.build).toMatchObject({ entered: 1, succeeded: 1, passRate: 1, meanWaitingMinutes: 0, meanWorkingMinutes: 5 });
    expect(m.stages.test).toMatchObject({ entered: 1, failed: 1, passRate: 0, meanWaitingMinutes: 4, meanWorkingMinutes: 10 });
    expect(m.stages.approval).toMatchObject({ entered: 2, succeeded: 1, superseded: 1 });
  });

  it('bands nothing from two deployments and one incident, and says why', () => {
    expect(m.bands.year).toBe(2024);
    expect(m.bands.deploymentFrequency).toBeNull();
    expect(m.bands.changeFailureRate).toBeNull();
    expect(m.bands.timeToRestore).toBeNull();
    expect(m.bandNotes.deploymentFrequency).toBe('too few to band: 2 deployments');
    expect(m.bandNotes.changeFailureRate).toBe('too few to band: 2 deployments');
    expect(m.bandNotes.timeToRestore).toBe('too few to band: 1 incident');
  });

  it('leaves a key unclassified when there is nothing to measure', () => {
    const empty = computeMetrics([], { from: 0, to: 1440 });
    expect(empty.changeFailureRate).toBeNull();
    expect(empty.bands.changeFailureRate).toBeNull();
    expect(empty.bands.timeToRestore).toBeNull();
    expect(empty.leadTimeHours.median).toBeNull();
    expect(empty.bands.deploymentFrequency).toBeNull();
    expect(empty.bandNotes.deploymentFrequency).toBe('too few to band: 0 deployments');
  });

  it('counts an open incident at its age, as a lower bound of recovery time', () => {
    const open = computeMetrics(
      DAY.filter((e) => e.type !== 'incident.restored'),
      { from: 0, to: 1440 },
    );
    expect(open.timeToRestoreHours.open).toBe(1);
    expect(open.timeToRestoreHours.median).toBeCloseTo((1440 - 320) / 60);
    expect(open.timeToRestoreHours.medianIsLowerBound).toBe(true);
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
    ['leadTime', 2, 'elite'],
    ['leadTime', 30, 'high'],
    ['leadTime', 24 * 10, 'medium'],
    ['leadTime', 24 * 45, 'low'],
    ['changeFailureRate', 0.05, 'elite'],
    ['changeFailureRate', 0.069, 'elite'],
    ['changeFailureRate', 0.101, 'high'],
    ['changeFailureRate', 0.15, 'medium'],
    ['changeFailureRate', 0.4, 'low'],
    ['timeToRestore', 0.5, 'elite'],
    ['timeToRestore', 5, 'high'],
    // A day-long recovery sits between the clusters' "less than one day" and "one week".
    ['timeToRestore', 24, 'medium'],
    ['timeToRestore', 24 * 8, 'low'],
  ] as const)('%s %f is %s', (metric, value, band) => {
    expect(classify(metric, value)?.band).toBe(band);
  });

  it.each(['leadTime', 'changeFailureRate', 'timeToRestore'] as const)('never gives a better value of %s a worse band', (metric) => {
    const rank = (v: number) => BANDS.indexOf(classify(metric, v)!.band);
    const top = metric === 'changeFailureRate' ? 1 : 24 * 200;
    let previous = 0;
    for (let i = 0; i <= 2000; i++) {
      const value = (top * i) / 2000;
      const r = rank(value);
      expect(r).toBeGreaterThanOrEqual(previous);
      previous = r;
    }
  });

  /** Deployment times: on each of `days` days that `on(day)` picks, `perDay` deployments. */
  const deploysOn = (days: number, perDay: number, on: (day: number) => boolean) => {
    const times: number[] = [];
    for (let d = 0; d < days; d++) if (on(d)) for (let i = 0; i < perDay; i++) times.push(d * MINUTES_PER_DAY + 600 + i * 60);
    return times;
  };
  const band = (times: number[], days: number) => placeDeploymentFrequency(cadenceOf(times, { from: 0, to: days * MINUTES_PER_DAY })).rule?.band ?? null;
  const workday = (d: number) => d % 7 < 5;

  it('bands deployment frequency by cadence, whatever the run length', () => {
    const friday = (d: number) => d % 7 === 4;
    expect(band(deploysOn(90, 1, friday), 90)).toBe('high');
    expect(band(deploysOn(365, 1, friday), 365)).toBe('high');
    // Exactly one a working day is daily, not "several a day".
    expect(band(deploysOn(90, 1, workday), 90)).toBe('high');
    expect(band(deploysOn(90, 3, workday), 90)).toBe('elite');
    expect(
      band(
        deploysOn(365, 1, (d) => d % 30 === 25),
        365,
      ),
    ).toBe('medium');
    // A quarterly release and its week of hotfixes is still quarterly.
    expect(
      band(
        deploysOn(365, 1, (d) => d > 80 && (d % 91 >= 88 || d % 91 <= 2) && workday(d)),
        365,
      ),
    ).toBe('low');
    expect(placeDeploymentFrequency(cadenceOf(deploysOn(30, 1, friday), { from: 0, to: 30 * MINUTES_PER_DAY })).reason).toBe('too few to band: 4 deployments');
  });

  it('never lowers the deployment frequency band when a deployment is added', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let run = 0; run < 200; run++) {
      const days = 30 + Math.floor(next() * 300);
      const times = deploysOn(days, 1, () => next() < next() * 0.5).sort((a, b) => a - b);
      const before = band(times, days);
      const extra = [...times, Math.floor(next() * days * MINUTES_PER_DAY)].sort((a, b) => a - b);
      const after = band(extra, days);
      if (before !== null && after !== null) expect(BANDS.indexOf(after)).toBeLessThanOrEqual(BANDS.indexOf(before));
    }
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
