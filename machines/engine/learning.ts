import { AREAS } from '../world/commits';

/**
 * The test suite's reach, per part of the product, and what blameless postmortems add to it.
 *
 * A postmortem adds tests for the kind of failure that escaped, not for every future defect: it
 * closes part of the remaining gap for the part of the product that broke, so returns diminish and
 * coverage elsewhere stays where it was. The effect can be switched off (`Settings.learning`), and
 * the comparison page holds it off so that modes are compared on equal tests.
 */

/** No suite catches everything: coverage never passes this. */
export const COVERAGE_CEILING = 0.95;
/** Share of the remaining gap (to the ceiling) one postmortem's tests close for that part. */
export const POSTMORTEM_GAP_CLOSED = 0.3;

export class TestSuite {
  private readonly byArea = new Map<string, number>();

  constructor(private base: number) {}

  /** Probability that the tests catch a defect in `area`. */
  coverage(area: string): number {
    return this.byArea.get(area) ?? this.base;
  }

  /** Coverage over the whole product: the mean over its parts. */
  get overall(): number {
    if (this.byArea.size === 0) return this.base;
    let sum = 0;
    for (const area of AREAS) sum += this.coverage(area);
    return Math.round((sum / AREAS.length) * 1000) / 1000;
  }

  /** A trainer sets coverage for the whole product; what postmortems added is replaced. */
  setAll(value: number): void {
    this.base = value;
    this.byArea.clear();
  }

  /** A postmortem's tests for `area`: returns the coverage there before and after. */
  improve(area: string): { before: number; after: number } {
    const before = this.coverage(area);
    const after = before >= COVERAGE_CEILING ? before : Math.round((before + (COVERAGE_CEILING - before) * POSTMORTEM_GAP_CLOSED) * 1000) / 1000;
    this.byArea.set(area, after);
    return { before, after };
  }
}
