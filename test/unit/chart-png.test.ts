import { describe, expect, it } from 'vitest';
import { rowsOf, wrapWords } from '@/components/compare/charts/png';

// One unit per character: enough to check where lines and rows break.
const measure = (text: string) => text.length;

describe('a chart PNG lays out its title and legend to fit the picture', () => {
  it('wraps a title wider than the picture at spaces, never past the width', () => {
    const title = 'Lead time distribution: share of commits in production within a time';
    const lines = wrapWords(title, 30, measure);
    expect(lines.join(' ')).toBe(title);
    expect(lines.length).toBe(3);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('keeps a title that fits on one line, and gives a too-long word a line of its own', () => {
    expect(wrapWords('Deployments over time', 40, measure)).toEqual(['Deployments over time']);
    expect(wrapWords('a verylongwordindeed b', 8, measure)).toEqual(['a', 'verylongwordindeed', 'b']);
  });

  it('puts legend items in rows no wider than the picture, in order', () => {
    expect(rowsOf([10, 10, 10, 10], 35, 2)).toEqual([[0, 1, 2], [3]]);
    expect(rowsOf([10, 10], 100, 2)).toEqual([[0, 1]]);
    expect(rowsOf([50, 10], 30, 2)).toEqual([[0], [1]]);
  });
});
