import { describe, expect, it } from 'vitest';
import { ComparisonEngine, Superseded, defaultPoolSize } from '@/lib/compare/comparisonEngine';
import { runComparison } from '@/machines/compare/runComparison';
import { defaultCompareSettings } from '@/machines/compare/compareSettings';

// In Node there is no Worker: the engine runs its tasks on the main thread, one per macrotask, which
// exercises the same queue, cache and "newest request wins" logic the browser uses.
const base = { ...defaultCompareSettings(), days: 20 };

describe('comparison engine (main-thread fallback)', { timeout: 60_000 }, () => {
  it('gives the same runs as runComparison', async () => {
    const engine = new ComparisonEngine();
    const result = await engine.compute(base);
    expect(result.runs.map((r) => r.metrics)).toEqual(runComparison(base).runs.map((r) => r.metrics));
    expect(result.computed).toBe(2);
    expect(result.engineMs).toHaveLength(2);
  });

  it('serves repeated settings from its cache, and only recomputes modes whose settings changed', async () => {
    const engine = new ComparisonEngine();
    await engine.compute(base);
    expect((await engine.compute({ ...base })).computed).toBe(0);
    // A cadence changes delivery's run, not deployment's.
    expect((await engine.compute({ ...base, cadence: '7d' })).computed).toBe(1);
  });

  it('drops the queued work of a request that a newer one replaced', async () => {
    const engine = new ComparisonEngine();
    const older = engine.compute({ ...base, seed: 1 });
    const newer = engine.compute({ ...base, seed: 2 });
    // The older request's first task may already run; the rest is dropped.
    await expect(older).rejects.toBeInstanceOf(Superseded);
    expect((await newer).settings.seed).toBe(2);
  });

  it('does not guess ahead on the main thread', async () => {
    const engine = new ComparisonEngine();
    engine.prefetch([{ ...base, seed: 99 }]);
    await new Promise((r) => setTimeout(r, 50));
    expect((await engine.compute({ ...base, seed: 99 })).computed).toBe(2);
  });
});

describe('comparison engine pool', () => {
  it('has one worker per core, from two to four, and four when the browser does not say', () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultPoolSize(cores))).toEqual([2, 2, 3, 4, 4]);
    expect(defaultPoolSize(0)).toBe(4);
  });
});
