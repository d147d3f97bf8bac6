import { describe, expect, it } from 'vitest';
import { MODES } from '@/machines/world/modes';
import { mean, median, overSeeds, run, SEEDS } from './runs';

/** A trainer's expectations when one setting moves, the rest at their defaults, over 20 seeds. */
const QUARTER = { days: 90, learning: false };

describe('bigger batches are riskier, not only rarer', () => {
  // Continuous Integration's hand deploy, from weekly to quarterly, over a year.
  const intervals = [7, 30, 90];
  const year = (releaseIntervalDays: number) => ({ days: 365, learning: false, releaseIntervalDays });

  it('grows the batch, the incidents per release and the time to recover as releases grow apart', () => {
    const batch = intervals.map((i) => median(overSeeds('ci', year(i), (r) => r.metrics.batchSize.mean)));
    const perRelease = intervals.map((i) =>
      mean(overSeeds('ci', year(i), (r) => r.metrics.incidents / Math.max(1, r.metrics.deployments - r.metrics.hotfixes))),
    );
    const recovery = intervals.map((i) => median(overSeeds('ci', year(i), (r) => r.metrics.timeToRestoreHours.median)));
    for (let k = 1; k < intervals.length; k++) {
      expect(batch[k]!).toBeGreaterThan(batch[k - 1]!);
      expect(perRelease[k]!).toBeGreaterThan(perRelease[k - 1]!);
      expect(recovery[k]!).toBeGreaterThan(recovery[k - 1]!);
    }
  });

  it('makes rollbacks fail more often the bigger the release', () => {
    const failedShare = intervals.map((i) =>
      mean(overSeeds('ci', year(i), (r) => r.metrics.failedRollbacks / Math.max(1, r.metrics.failedRollbacks + r.metrics.rollbacks))),
    );
    for (let k = 1; k < intervals.length; k++) expect(failedShare[k]!).toBeGreaterThan(failedShare[k - 1]!);
  });

  it('harms customers more per year, not less, when releases grow apart', () => {
    const impact = intervals.map((i) => mean(overSeeds('ci', year(i), (r) => r.metrics.customerImpactMinutes)));
    for (let k = 1; k < intervals.length; k++) expect(impact[k]!).toBeGreaterThan(impact[k - 1]!);
  });

  it('delivers faster when the approver approves more often', () => {
    const lead = [1, 3, 6].map((n) => median(overSeeds('delivery', { ...QUARTER, approvalsPerDay: n }, (r) => r.metrics.leadTimeHours.median)));
    expect(lead[0]!).toBeGreaterThan(lead[1]!);
    expect(lead[1]!).toBeGreaterThan(lead[2]!);
  });
});

describe('collaboration and feedback never help when taken away', () => {
  // A quarter, or half a year for manual release, whose one quarterly release lands on day 88.
  const span = (mode: (typeof MODES)[number]) => (mode === 'manual' ? { ...QUARTER, days: 180 } : QUARTER);

  it.each(MODES)('in %s, silos never improve recovery time or lead time', (mode) => {
    const devops = (pick: (m: ReturnType<typeof run>['metrics']) => number | null) => mean(overSeeds(mode, span(mode), (r) => pick(r.metrics)));
    const silos = (pick: (m: ReturnType<typeof run>['metrics']) => number | null) =>
      mean(overSeeds(mode, { ...span(mode), culture: 'silos' }, (r) => pick(r.metrics)));
    expect(silos((m) => m.timeToRestoreHours.median)).toBeGreaterThanOrEqual(devops((m) => m.timeToRestoreHours.median));
    // The mean counts commits still waiting at their age, so a release that slips counts against it.
    expect(silos((m) => m.leadTimeHours.mean)).toBeGreaterThanOrEqual(devops((m) => m.leadTimeHours.mean));
  });

  it.each(MODES)('in %s, monitoring off never improves recovery time or lead time', (mode) => {
    const on = mean(overSeeds(mode, span(mode), (r) => r.metrics.timeToRestoreHours.median));
    const off = mean(overSeeds(mode, { ...span(mode), monitoring: false }, (r) => r.metrics.timeToRestoreHours.median));
    expect(off).toBeGreaterThan(on);
    const leadOn = mean(overSeeds(mode, span(mode), (r) => r.metrics.leadTimeHours.mean));
    const leadOff = mean(overSeeds(mode, { ...span(mode), monitoring: false }, (r) => r.metrics.leadTimeHours.mean));
    expect(leadOff).toBeGreaterThanOrEqual(leadOn * 0.99);
  });

  it('lets silos wait on tickets in working hours only, one ticket per release at the gate', () => {
    for (const seed of SEEDS.slice(0, 5)) {
      const m = run('delivery', seed, { ...QUARTER, culture: 'silos' }).metrics;
      // Every ticket waits a few working hours at most (the queue is 1-6 working hours).
      expect(m.handoffs.hoursWaiting / Math.max(1, m.handoffs.count)).toBeLessThanOrEqual(6);
      // About one approval ticket per decision, not one per revision that reached the gate.
      expect(m.handoffs.count).toBeLessThan(m.stages.approval.entered);
    }
  });
});

describe('learning from postmortems', () => {
  it('raises coverage with diminishing returns, only where incidents happened, and only when on', () => {
    const on = overSeeds('deployment', { days: 365 }, (r) => r.testCoverageAtEnd);
    const off = overSeeds('deployment', { days: 365, learning: false }, (r) => r.testCoverageAtEnd);
    expect(Math.min(...off)).toBe(0.7);
    expect(Math.max(...off)).toBe(0.7);
    expect(mean(on)).toBeGreaterThan(0.72);
    // A year of postmortems narrows the gap to 95%; it does not close it.
    expect(Math.max(...on)).toBeLessThan(0.93);
  });

  it('does not decide the comparison: with learning off, the order of the modes stands', () => {
    const cfr = MODES.map((mode) => median(overSeeds(mode, { ...QUARTER, days: 180 }, (r) => r.metrics.changeFailureRate)));
    for (let i = 1; i < MODES.length; i++) expect(cfr[i - 1]!).toBeGreaterThan(cfr[i]!);
    // And learning on does not flip it either.
    const cfrOn = MODES.map((mode) => median(overSeeds(mode, { days: 180 }, (r) => r.metrics.changeFailureRate)));
    for (let i = 1; i < MODES.length; i++) expect(cfrOn[i - 1]!).toBeGreaterThan(cfrOn[i]!);
  });
});
