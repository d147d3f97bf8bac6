import { describe, expect, it } from 'vitest';
import { likelyNext } from '@/lib/compare/prefetch';
import { defaultCompareSettings } from '@/machines/compare/compareSettings';

describe('likely next settings', () => {
  const base = defaultCompareSettings();

  it('steps a slider one notch either way, as the control does', () => {
    expect(likelyNext(base, 'testCoverage').map((s) => s.testCoverage)).toEqual([0.65, 0.75]);
    expect(likelyNext(base, 'defectRate').map((s) => s.defectRate)).toEqual([0.09, 0.11]);
    expect(likelyNext(base, 'commitsPerDay').map((s) => s.commitsPerDay)).toEqual([11, 13]);
    // Same numbers as the slider produces (value / 100), so the cache keys match.
    expect(likelyNext(base, 'testCoverage')[0]!.testCoverage).toBe(65 / 100);
  });

  it('stays inside the limits', () => {
    expect(likelyNext({ ...base, testCoverage: 1 }, 'testCoverage').map((s) => s.testCoverage)).toEqual([0.95]);
    expect(likelyNext({ ...base, commitsPerDay: 1 }, 'commitsPerDay').map((s) => s.commitsPerDay)).toEqual([2]);
    expect(likelyNext({ ...base, seed: 0 }, 'seed').map((s) => s.seed)).toEqual([1]);
  });

  it('flips switches and walks the cadence scale', () => {
    expect(likelyNext(base, 'monitoring').map((s) => s.monitoring)).toEqual([false]);
    expect(likelyNext(base, 'culture').map((s) => s.culture)).toEqual(['silos']);
    expect(likelyNext({ ...base, cadence: '7d' }, 'cadence').map((s) => s.cadence)).toEqual(['14d', '1/day']);
    expect(likelyNext(base, 'cadence')).toEqual([]);
    expect(likelyNext(base, 'modes')).toEqual([]);
  });
});
