import { describe, expect, it } from 'vitest';
import { mean, run } from './runs';

/**
 * What a trainer expects of Infrastructure as Code in the modes that configure environments by
 * hand: with IaC off, production drifts from staging by itself and some releases fail there ("it
 * worked in staging"), so more changes fail than with the environments made from the template.
 * Half a year, ten seeds, learning off (as the comparisons run), the same commits planned either way.
 */
const HALF_YEAR = { days: 180, learning: false };
const SEEDS = Array.from({ length: 10 }, (_, i) => i + 1);
const metrics = (mode: 'manual' | 'ci', iac: boolean) => SEEDS.map((seed) => run(mode, seed, { ...HALF_YEAR, iac }).metrics);

for (const mode of ['manual', 'ci'] as const) {
  describe(`${mode}: IaC off against IaC on`, () => {
    const on = metrics(mode, true);
    const off = metrics(mode, false);

    it('hand-configured environments cause drift incidents; environments from code none', () => {
      expect(on.every((m) => m.driftIncidents === 0)).toBe(true);
      expect(off.reduce((n, m) => n + m.driftIncidents, 0)).toBeGreaterThanOrEqual(5);
    });

    it('no fewer changes fail without IaC, in any seed', () => {
      for (const [i, m] of off.entries()) expect(m.failedChanges).toBeGreaterThanOrEqual(on[i]!.failedChanges);
    });
  });
}

describe('ci: weekly hand deploys onto drifting environments', () => {
  it('the change failure rate is higher without IaC, on average and in most seeds', () => {
    const cfr = (iac: boolean) => metrics('ci', iac).map((m) => m.changeFailureRate ?? 0);
    const [on, off] = [cfr(true), cfr(false)];
    expect(mean(off)).toBeGreaterThan(mean(on) + 0.015);
    expect(SEEDS.filter((_, i) => off[i]! > on[i]!).length).toBeGreaterThanOrEqual(7);
  });
});
