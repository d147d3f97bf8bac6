import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeMetric } from '@/components/metrics/describeMetric';
import { showYourWork } from '@/machines/compare/work';
import { runHeadless } from '@/machines/engine/headless';
import type { Metrics } from '@/machines/metrics/metrics';
import { rateText } from '@/machines/metrics/quantity';
import { defaultSettings } from '@/machines/world/settings';

/**
 * One rounding rule for the change failure rate: the tile (live workspace, comparison card) and the
 * comparison's "show your work" say the same number. A tile once said "2%" beside a formula of "1.9%".
 */
const base = runHeadless(defaultSettings('deployment', 42), { retainDays: 2 }).metrics;

function withRate(failedChanges: number, deployments: number): Metrics {
  return { ...base, failedChanges, deployments, changeFailureRate: failedChanges / deployments };
}

function tileText(metrics: Metrics): string {
  const { value, unit } = describeMetric('changeFailureRate', metrics);
  return `${value}${unit}`;
}

function work(metrics: Metrics) {
  return showYourWork(metrics).find((w) => w.key === 'changeFailureRate')!;
}

describe('change failure rate: one rounding rule', () => {
  it('1 failed change in 52 deployments reads 1.9% on the tile and in the work', () => {
    const metrics = withRate(1, 52);
    expect(tileText(metrics)).toBe('1.9%');
    expect(work(metrics).formula).toMatch(/= 1\.9%$/);
    expect(work(metrics).quantity).toEqual({ value: '1.9', unit: '%' });
  });

  it('whole percentages lose no digit and gain no ".0"', () => {
    expect(tileText(withRate(1, 4))).toBe('25%');
    expect(tileText(withRate(0, 9))).toBe('0%');
    expect(rateText(1)).toBe('100%');
  });

  it('the tile, the work and its formula agree for any count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat({ max: 5000 }), (deployments, failed) => {
        const metrics = withRate(Math.min(failed, deployments), deployments);
        const shown = tileText(metrics);
        const w = work(metrics);
        expect(`${w.quantity!.value}${w.quantity!.unit}`).toBe(shown);
        expect(w.formula.endsWith(`= ${shown}`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
