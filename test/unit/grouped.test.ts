import { describe, expect, it } from 'vitest';
import { grouped, plural } from '@/machines/words';

/** A fixed spread of magnitudes and signs (a small LCG: the same numbers every run). */
function numbers(count: number): number[] {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, () => (next() - 0.3) * 10 ** Math.floor(next() * 13));
}

describe('grouped', () => {
  it('writes a number as toLocaleString("en-US") does, without Intl', () => {
    const edges = [
      0,
      -0,
      1,
      12,
      999,
      1000,
      1234567,
      -1234567,
      0.5,
      1234.5678,
      1234.0004,
      1234.9996,
      -0.0004,
      999999.9999,
      1e15,
      2 ** 40 + 0.25,
      0.1 + 0.2,
      1.0005,
      2.675,
      NaN,
      Infinity,
      -Infinity,
    ];
    for (const n of [...edges, ...numbers(5000)]) expect([n, grouped(n)]).toEqual([n, n.toLocaleString('en-US')]);
  });

  it('groups the counts plural writes when asked', () => {
    expect(plural(1250, 'deployment', { grouped: true })).toBe('1,250 deployments');
    expect(plural(1250, 'deployment')).toBe('1250 deployments');
  });
});
