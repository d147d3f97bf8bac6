import { describe, expect, it } from 'vitest';
import { runHeadless } from '@/machines/engine/headless';
import { MODES } from '@/machines/world/modes';
import { defaultSettings } from '@/machines/world/settings';
import { mean, median, overSeeds, run, SEEDS } from './runs';

/**
 * What a DevOps trainer expects of the four modes on the default settings, over 20 seeds. Runs are
 * 150 days: the first quarterly release (day 88) and the weeks after it, so that its incidents are
 * over before the run ends; customer impact is given per 90 days. Learning is held off, as /compare
 * holds it, so the modes are compared on equal tests.
 */
const HALF_YEAR = { days: 150, learning: false };
const PER_90_DAYS = 90 / HALF_YEAR.days;

describe('the four modes, as a trainer expects them', () => {
  it('hurt customers less the more continuous they are: manual ≥ CI ≥ delivery ≥ deployment', () => {
    const impact = MODES.map((mode) => mean(overSeeds(mode, HALF_YEAR, (r) => r.metrics.customerImpactMinutes * PER_90_DAYS)));
    for (let i = 1; i < impact.length; i++) expect(impact[i - 1]!).toBeGreaterThan(impact[i]!);
    // Not by a hair: each step at least halves the harm.
    for (let i = 1; i < impact.length; i++) expect(impact[i - 1]! / impact[i]!).toBeGreaterThan(2);
  });

  it('holds that order seed by seed for the big steps: manual above CI, CI above deployment', () => {
    const worse = (a: (typeof MODES)[number], b: (typeof MODES)[number]) =>
      SEEDS.filter((seed) => run(a, seed, HALF_YEAR).metrics.customerImpactMinutes > run(b, seed, HALF_YEAR).metrics.customerImpactMinutes).length;
    expect(worse('manual', 'ci')).toBeGreaterThanOrEqual(19);
    expect(worse('ci', 'deployment')).toBeGreaterThanOrEqual(19);
  });

  it('deliver faster, more often and fail less the more continuous they are', () => {
    const lead = MODES.map((mode) => median(overSeeds(mode, HALF_YEAR, (r) => r.metrics.leadTimeHours.median)));
    const deploys = MODES.map((mode) => median(overSeeds(mode, HALF_YEAR, (r) => r.metrics.deployments)));
    const cfr = MODES.map((mode) => median(overSeeds(mode, HALF_YEAR, (r) => r.metrics.changeFailureRate)));
    for (let i = 1; i < MODES.length; i++) {
      expect(lead[i - 1]!).toBeGreaterThan(lead[i]!);
      expect(deploys[i - 1]!).toBeLessThan(deploys[i]!);
      expect(cfr[i - 1]!).toBeGreaterThan(cfr[i]!);
    }
  });

  it('make quarterly releases a bad day: many incidents at once, a rollback that cannot run, days to recover', () => {
    const perRelease = overSeeds('manual', HALF_YEAR, (r) => r.metrics.incidents / Math.max(1, r.metrics.deployments - r.metrics.hotfixes));
    expect(median(perRelease)).toBeGreaterThan(5);
    expect(median(overSeeds('manual', HALF_YEAR, (r) => r.metrics.timeToRestoreHours.median))).toBeGreaterThan(24);
    expect(mean(overSeeds('manual', HALF_YEAR, (r) => r.metrics.failedRollbacks))).toBeGreaterThan(0);
    expect(median(overSeeds('deployment', HALF_YEAR, (r) => r.metrics.timeToRestoreHours.median))).toBeLessThan(1);
  });
});

describe('a manual release ships', () => {
  it('moves production forward in at least 95% of seeds', () => {
    const advanced = SEEDS.filter((seed) => run('manual', seed, HALF_YEAR).productionRevision > 0).length;
    expect(advanced / SEEDS.length).toBeGreaterThanOrEqual(0.95);
  });

  it('has the first quarter in production by the end of the half year, with hotfixes that carry only fixes', () => {
    for (const seed of SEEDS) {
      const m = run('manual', seed, HALF_YEAR).metrics;
      // About 60% of the run's commits were pushed before the first release day.
      expect(m.leadTimeHours.deployed / m.commits, `seed ${seed}`).toBeGreaterThan(0.5);
    }
    expect(mean(overSeeds('manual', HALF_YEAR, (r) => r.metrics.hotfixes))).toBeGreaterThan(0);
  });

  it('hotfixes like a release branch: the fixes ship, not the work on main since the release', () => {
    for (const seed of SEEDS.slice(0, 8)) {
      const { simulation } = runHeadless({ ...defaultSettings('manual', seed), ...HALF_YEAR });
      for (const d of simulation.deployments.filter((d) => d.hotfix && d.patch.length > 0)) {
        expect(d.batch).toBe(d.patch.length);
        for (const seq of d.patch) expect(simulation.commit(seq)?.kind).toBe('fix');
        // Production keeps its revision: main's new features are not in it.
        expect(d.from).toBeLessThan(d.revision);
      }
    }
  });

  it('says when the last release slipped past the end of the run', () => {
    // Over 90 days the one release is on day 88 (a Friday); a failed manual step retries on Monday, day 91.
    const slipped = SEEDS.map((seed) => run('manual', seed, { days: 90, learning: false }).metrics).filter((m) => m.deployments === 0);
    for (const m of slipped) expect(m.unfinishedRelease?.state).toBe('failed');
  });
});
