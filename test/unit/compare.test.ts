import { describe, expect, it } from 'vitest';
import { parseCsv } from '../support/parseCsv';
import { CADENCES, releasePlan } from '@/machines/compare/cadence';
import { CSV_COLUMNS, comparisonCsv, csvField, exportFileName } from '@/machines/compare/csv';
import { runComparison, runMode, type Comparison } from '@/machines/compare/runComparison';
import { batchSizes, batchTable, deploymentsOverTime, leadTimeCdf, leadTimeTable, periods } from '@/machines/compare/series';
import { defaultCompareSettings, modeSettings, runKey, type CompareSettings } from '@/machines/compare/compareSettings';
import { showYourWork } from '@/machines/compare/work';
import { durationQuantity, frequencyQuantity, sharedFrequencyUnit } from '@/machines/metrics/quantity';
import { runHeadless } from '@/machines/engine/headless';
import { MINUTES_PER_DAY, isWorkday } from '@/machines/sim/calendar';
import { MODES, type Mode } from '@/machines/world/modes';
import { defaultSettings } from '@/machines/world/settings';

/** Whole 90-day comparisons: generous limits for a busy machine (each takes well under a second alone). */
const SLOW = { timeout: 60_000 };

const ALL: CompareSettings = { ...defaultCompareSettings(), modes: [...MODES] };

/** Runs are deterministic and take a fraction of a second: share them between tests. */
const cache = new Map<string, Comparison>();
function compare(change: Partial<CompareSettings> = {}): Comparison {
  const settings = { ...ALL, ...change };
  const key = JSON.stringify(settings);
  if (!cache.has(key)) cache.set(key, runComparison(settings));
  return cache.get(key)!;
}
const run = (c: Comparison, mode: Mode) => c.runs.find((r) => r.mode === mode)!;

describe('a comparison runs one commit stream through every mode', SLOW, () => {
  it('pushes the same feature commits (time, author, size, message) in every mode', () => {
    const c = compare();
    const features = (mode: Mode) =>
      run(c, mode)
        .commits.filter((commit) => commit.kind === 'feature')
        .map(({ pushedAt, author, size, message }) => ({ pushedAt, author, size, message }));
    const reference = features('manual');
    expect(reference.length).toBeGreaterThan(500);
    for (const mode of MODES) expect(features(mode)).toEqual(reference);
  });

  it("agrees with the engine's own events: commit.pushed of kind feature are equal across modes", () => {
    const pushed = (mode: Mode) =>
      runHeadless({ ...defaultSettings(mode, 7), days: 30 })
        .simulation.log.filter((e) => e.type === 'commit.pushed' && e.kind === 'feature')
        .map((e) => (e.type === 'commit.pushed' ? [e.t, e.author, e.size, e.message] : null));
    const reference = pushed('manual');
    for (const mode of MODES) expect(pushed(mode)).toEqual(reference);
  });

  it('is deterministic: the same settings give the same numbers', () => {
    const settings = { ...ALL, days: 30, seed: 3 };
    const a = runComparison(settings);
    const b = runComparison(settings);
    expect(a.runs.map((r) => r.metrics)).toEqual(b.runs.map((r) => r.metrics));
    expect(a.runs.map((r) => r.commits)).toEqual(b.runs.map((r) => r.commits));
  });

  it('matches runHeadless for a mode at its default cadence, learning held off as the page holds it', () => {
    const c = compare();
    expect(c.compare.learning).toBe(false);
    for (const mode of MODES) {
      const headless = runHeadless({ ...defaultSettings(mode, ALL.seed), learning: false });
      // Measured from the whole log here, as the events happened there: the same numbers.
      expect(run(c, mode).metrics).toEqual(headless.metrics);
    }
  });

  it('runs the same headless with a short memory: history kept or not, the same numbers', () => {
    for (const mode of MODES) {
      const settings = { ...defaultSettings(mode, 11), days: 200, releaseIntervalDays: mode === 'manual' ? 45 : defaultSettings(mode).releaseIntervalDays };
      const all = runHeadless(settings);
      const bounded = runHeadless(settings, { retainDays: 10 });
      expect(bounded.simulation.log).toHaveLength(0);
      expect(bounded.metrics).toEqual(all.metrics);
    }
  });

  it("lists modes in the product's order whatever order they were picked in", () => {
    const c = runComparison({ ...ALL, days: 14, modes: ['deployment', 'manual'] });
    expect(c.runs.map((r) => r.mode)).toEqual(['manual', 'deployment']);
  });
});

describe('the four keys on default settings (seed 42, 90 days)', SLOW, () => {
  const c = compare();
  const m = (mode: Mode) => run(c, mode).metrics;

  it('deploys most often with Continuous Deployment, then Delivery, CI, Manual', () => {
    expect(m('deployment').deploymentsPerDay).toBeGreaterThan(m('delivery').deploymentsPerDay);
    expect(m('delivery').deploymentsPerDay).toBeGreaterThan(m('ci').deploymentsPerDay);
    expect(m('ci').deploymentsPerDay).toBeGreaterThan(m('manual').deploymentsPerDay);
  });

  it('has the shortest median lead time with Continuous Deployment, the longest with Manual', () => {
    const lead = (mode: Mode) => m(mode).leadTimeHours.median!;
    expect(lead('deployment')).toBeLessThan(lead('delivery'));
    expect(lead('delivery')).toBeLessThan(lead('ci'));
    expect(lead('ci')).toBeLessThan(lead('manual'));
  });

  it('ships smaller batches the more often it deploys', () => {
    const batch = (mode: Mode) => m(mode).batchSize.mean!;
    expect(batch('deployment')).toBeLessThan(batch('delivery'));
    expect(batch('delivery')).toBeLessThan(batch('ci'));
    expect(batch('ci')).toBeLessThan(batch('manual'));
  });

  it('keeps the change failure rate of Continuous Deployment at or below that of Manual release', () => {
    expect(m('deployment').changeFailureRate!).toBeLessThanOrEqual(m('manual').changeFailureRate!);
  });
});

describe('release cadence', SLOW, () => {
  it('maps one scale onto each mode', () => {
    expect(releasePlan('manual', 'default').patch).toEqual({ releaseIntervalDays: 90 });
    expect(releasePlan('ci', 'default').patch).toEqual({ releaseIntervalDays: 7 });
    expect(releasePlan('delivery', 'default').patch).toEqual({ approvalsPerDay: 3 });
    expect(releasePlan('deployment', '7d').patch).toEqual({});

    expect(releasePlan('manual', '14d').patch).toEqual({ releaseIntervalDays: 14 });
    expect(releasePlan('delivery', '2/day').patch).toMatchObject({ approvalsPerDay: 2 });
    expect(releasePlan('delivery', '1/day').patch).toMatchObject({ approvalsPerDay: 1 });

    const weekly = releasePlan('delivery', '7d');
    expect(weekly.patch).toEqual({ approver: 'scheduled', releaseIntervalDays: 7 });

    const fast = releasePlan('manual', '3/day');
    expect(fast.clamped).toBe(true);
    expect(fast.patch).toEqual({ releaseIntervalDays: 1 });
    expect(fast.words).toMatch(/cannot go faster/);
  });

  it('orders the scale from slowest to fastest', () => {
    const perDay = CADENCES.map((c) => c.perDay ?? 1 / c.intervalDays!);
    expect([...perDay].sort((a, b) => a - b)).toEqual(perDay);
    expect(CADENCES[0]!.label).toBe('One release every three months');
    expect(CADENCES.find((c) => c.id === '3/day')!.label).toBe('Three releases a day');
  });

  it("releases a weekly Continuous Delivery run on the last working day of each week, through the engine's calendar", () => {
    const weekly = run(compare({ cadence: '7d', days: 28 }), 'delivery');
    const days = weekly.deployments.filter((d) => !d.hotfix).map((d) => Math.floor(d.at / MINUTES_PER_DAY));
    expect(days.length).toBeGreaterThanOrEqual(3);
    for (const day of days) {
      expect(isWorkday(day)).toBe(true);
      expect(day % 7).toBe(4); // day 0 is a Monday: the last working day of each week is a Friday
    }
  });

  it("grows Continuous Delivery's batches as the cadence slows", () => {
    const batch = (cadence: CompareSettings['cadence']) => run(compare({ cadence }), 'delivery').metrics.batchSize.mean!;
    const b6 = batch('6/day');
    const b3 = batch('3/day');
    const b1 = batch('1/day');
    const b7 = batch('7d');
    const b90 = batch('90d');
    expect(b6).toBeLessThan(b3);
    expect(b3).toBeLessThan(b1);
    expect(b1).toBeLessThan(b7);
    expect(b7).toBeLessThan(b90);
  });

  it("shrinks Manual release's batches when it releases weekly instead of quarterly", () => {
    const quarterly = run(compare(), 'manual').metrics;
    const weekly = run(compare({ cadence: '7d' }), 'manual').metrics;
    expect(weekly.batchSize.mean!).toBeLessThan(quarterly.batchSize.mean!);
    expect(weekly.leadTimeHours.median!).toBeLessThan(quarterly.leadTimeHours.median!);
    expect(weekly.deployments).toBeGreaterThan(quarterly.deployments);
  });

  it('leaves Continuous Deployment alone', () => {
    expect(run(compare({ cadence: '90d' }), 'deployment').metrics).toEqual(run(compare(), 'deployment').metrics);
  });

  it('gives runs with equal settings equal keys, and different cadences different keys', () => {
    const a = modeSettings(ALL, 'delivery');
    const b = modeSettings({ ...ALL }, 'delivery');
    const c = modeSettings({ ...ALL, cadence: '7d' }, 'delivery');
    expect(runKey(a.settings, a.plan)).toBe(runKey(b.settings, b.plan));
    expect(runKey(a.settings, a.plan)).not.toBe(runKey(c.settings, c.plan));
  });
});

describe('records of a run', SLOW, () => {
  const c = compare();

  it('has one record per commit and per deployment, consistent with the metrics', () => {
    for (const r of c.runs) {
      expect(r.commits).toHaveLength(r.metrics.commits);
      expect(r.deployments).toHaveLength(r.metrics.deployments);
      expect(r.commits.filter((x) => x.deployedAt !== null)).toHaveLength(r.metrics.leadTimeHours.deployed);
      expect(r.deployments.filter((d) => d.failed)).toHaveLength(r.metrics.failedChanges);
      expect(r.incidents).toHaveLength(r.metrics.incidents);
      // A rollback lowers production's revision, so the next deployment ships those commits again.
      expect(r.deployments.reduce((s, d) => s + d.batch, 0)).toBeGreaterThanOrEqual(r.deployments.at(-1)?.revision ?? 0);
    }
  });

  it('never deploys a commit before it is tested, nor tests it before it is pushed', () => {
    for (const r of c.runs) {
      for (const commit of r.commits) {
        if (commit.testedAt !== null) expect(commit.testedAt).toBeGreaterThanOrEqual(commit.pushedAt);
        if (commit.deployedAt !== null) {
          expect(commit.testedAt).not.toBeNull();
          expect(commit.deployedAt).toBeGreaterThanOrEqual(commit.testedAt!);
        }
      }
    }
  });

  it('has a cumulative flow where pushed >= tested >= deployed at every sample', () => {
    for (const r of c.runs) {
      const { pushed, tested, deployed } = r.flow;
      for (let i = 0; i < pushed.length; i++) {
        expect(pushed[i]!).toBeGreaterThanOrEqual(tested[i]!);
        expect(tested[i]!).toBeGreaterThanOrEqual(deployed[i]!);
      }
      expect(pushed.at(-1)).toBe(r.commits.length);
      expect(r.flow.deployments.at(-1)).toBe(r.deployments.length);
    }
  });
});

describe('show your work', SLOW, () => {
  it("writes deployment frequency as deployments ÷ days with the run's numbers", () => {
    const metrics = run(compare(), 'delivery').metrics;
    const [df, lt, cfr, ttr] = showYourWork(metrics);
    const perDay = (metrics.deployments / 90).toFixed(2);
    expect(df!.formula).toBe(`${metrics.deployments} deployments ÷ 90 days = ${perDay} per day`);
    expect(df!.quantity).toEqual(frequencyQuantity(metrics.deploymentsPerDay, 'per day'));
    expect(lt!.formula).toMatch(/^median of [\d,]+ lead times \(push → production\) = /);
    expect(cfr!.formula).toMatch(new RegExp(`^${metrics.failedChanges} failed changes? ÷ ${metrics.deployments} deployments = `));
    expect(ttr!.formula).toMatch(/^median of \d+ recovery times? /);
    expect(df!.band?.band).toBe('elite');
  });

  it('says why a key has no value', () => {
    const metrics = runMode({ ...defaultSettings('manual', 1), days: 14 }, releasePlan('manual', 'default')).metrics;
    const [df, , cfr, ttr] = showYourWork(metrics);
    expect(df!.formula).toBe('0 deployments ÷ 14 days = 0 per day (0 per month)');
    expect(cfr!.quantity).toBeNull();
    expect(cfr!.formula).toMatch(/No deployment/);
    expect(ttr!.quantity).toBeNull();
  });

  it('formats durations and frequencies the way a trainer says them', () => {
    expect(durationQuantity(26)).toEqual({ value: '26', unit: 'min' });
    expect(durationQuantity(138)).toEqual({ value: '2.3', unit: 'hours' });
    expect(durationQuantity(39 * 24 * 60)).toEqual({ value: '39', unit: 'days' });
    expect(frequencyQuantity(1.99)).toEqual({ value: '2', unit: 'per day' });
    expect(frequencyQuantity(6.25)).toEqual({ value: '6.3', unit: 'per day' });
    expect(frequencyQuantity(1 / 7)).toEqual({ value: '1', unit: 'per week' });
    expect(frequencyQuantity(1 / 90)).toEqual({ value: '0.33', unit: 'per month' });
  });

  it("gives cards side by side one unit of deployment frequency: the slowest rate's", () => {
    const unit = sharedFrequencyUnit([4.6 / 7, 1.3, 0]);
    expect(unit).toBe('per week');
    expect(frequencyQuantity(1.3, unit)).toEqual({ value: '9.1', unit: 'per week' });
    expect(sharedFrequencyUnit([])).toBe('per day');
    // The comparison's cards use it: every deployment frequency tile of a run shows the same unit.
    const c = compare();
    const units = new Set(c.runs.map((r) => showYourWork(r.metrics, sharedFrequencyUnit(c.runs.map((x) => x.metrics.deploymentsPerDay)))[0]!.quantity!.unit));
    expect(units.size).toBe(1);
  });
});

describe('CSV export', SLOW, () => {
  it('has one row per commit and one per deployment, with a mode column', () => {
    const c = compare();
    const rows = parseCsv(comparisonCsv(c.runs));
    const header = rows[0]!;
    expect(header).toEqual(CSV_COLUMNS.map((col) => col.name));
    const body = rows.slice(1);
    const expected = c.runs.reduce((n, r) => n + r.commits.length + r.deployments.length, 0);
    expect(body).toHaveLength(expected);
    for (const row of body) expect(row).toHaveLength(header.length);

    const col = (name: string) => header.indexOf(name);
    for (const r of c.runs) {
      const mine = body.filter((row) => row[col('mode')] === r.mode);
      expect(mine.filter((row) => row[col('record')] === 'commit')).toHaveLength(r.commits.length);
      expect(mine.filter((row) => row[col('record')] === 'deployment')).toHaveLength(r.deployments.length);
    }

    const firstDeployment = body.find((row) => row[col('record')] === 'deployment' && row[col('mode')] === 'delivery')!;
    const d = run(c, 'delivery').deployments[0]!;
    expect(Number(firstDeployment[col('batch_size')])).toBe(d.batch);
    expect(Number(firstDeployment[col('time_min')])).toBeCloseTo(d.at, 1);

    const pending = body.find((row) => row[col('record')] === 'commit' && row[col('status')] === 'pending');
    if (pending) expect(pending[col('lead_time_hours')]).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(Infinity)).toBe('');
    expect(parseCsv(`a,b\r\n${csvField('x,"y"')},2\r\n`)).toEqual([
      ['a', 'b'],
      ['x,"y"', '2'],
    ]);
  });

  it('names the file after what is in it', () => {
    const c = compare({ modes: ['delivery', 'deployment'] });
    expect(exportFileName(c.runs, 'csv')).toBe('pipeline-lab-delivery-vs-deployment-seed42-90d.csv');
  });
});

describe('chart data', SLOW, () => {
  const c = compare();

  it('aligns every series on one x column', () => {
    for (const columns of [leadTimeCdf(c.runs), deploymentsOverTime(c.runs), batchSizes(c.runs)]) {
      expect(columns).toHaveLength(c.runs.length + 1);
      for (const column of columns) expect(column).toHaveLength(columns[0]!.length);
    }
  });

  it('has lead-time shares that rise to the share of commits deployed', () => {
    const cdf = leadTimeCdf(c.runs);
    c.runs.forEach((r, i) => {
      const ys = cdf[i + 1] as number[];
      for (let k = 1; k < ys.length; k++) expect(ys[k]!).toBeGreaterThanOrEqual(ys[k - 1]!);
      expect(ys.at(-1)!).toBeCloseTo((100 * r.metrics.leadTimeHours.deployed) / r.commits.length, 6);
    });
  });

  it('puts every commit in exactly one lead-time bucket and every deployment in one batch bucket', () => {
    const lead = leadTimeTable(c.runs);
    const batches = batchTable(c.runs);
    c.runs.forEach((r, i) => {
      expect(lead.reduce((s, row) => s + row.cells[i]!.count, 0)).toBe(r.commits.length);
      expect(batches.reduce((s, row) => s + row.cells[i]!.deployments, 0)).toBe(r.deployments.length);
    });
  });

  it('splits the run into weeks whose deployments add up', () => {
    const r = run(c, 'delivery');
    const weeks = periods(r);
    expect(weeks[0]!.label).toBe('Days 1 to 7');
    expect(weeks).toHaveLength(13);
    const sum = weeks.reduce((s, p) => s + r.flow.deployments[p.end]! - r.flow.deployments[p.start]!, 0);
    expect(sum).toBe(r.deployments.length);
  });
});

describe('Infrastructure as Code on the comparison', SLOW, () => {
  it('on is the engine run the page always showed; off adds drift to every mode', () => {
    const on = modeSettings(ALL, 'ci').settings;
    expect(on).not.toHaveProperty('iac');
    expect(modeSettings({ ...ALL, iac: false }, 'ci').settings.iac).toBe(false);
    const byHand = compare({ iac: false, days: 180 });
    const fromCode = compare({ days: 180 });
    for (const mode of MODES) expect(run(fromCode, mode).metrics.driftIncidents, mode).toBe(0);
    const drifted = MODES.filter((mode) => run(byHand, mode).incidents.some((i) => i.drift));
    expect(drifted.length).toBeGreaterThan(0);
    for (const mode of drifted) expect(run(byHand, mode).metrics.driftIncidents).toBe(run(byHand, mode).incidents.filter((i) => i.drift).length);
    // Drift only adds failures: no mode fails fewer changes with its environments made by hand.
    for (const mode of MODES) {
      expect(run(byHand, mode).metrics.changeFailureRate ?? 0, mode).toBeGreaterThanOrEqual(run(fromCode, mode).metrics.changeFailureRate ?? 0);
    }
  });
});
