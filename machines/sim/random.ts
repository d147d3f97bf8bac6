import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** One seeded stream of chance. Every draw the simulation makes goes through one of these. */
export class Random {
  constructor(private readonly gen: JumpableRandomGenerator) {}

  /** Uniform in [0, 1). */
  next(): number {
    return uniformFloat64(this.gen);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Poisson-distributed count: Knuth's method for small means, a normal approximation for large. */
  poisson(mean: number): number {
    // exp(-mean) underflows long before mean 1000; past 30 the normal approximation is within 1%.
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Standard normal (Box-Muller). */
  normal(): number {
    const u = Math.max(this.next(), Number.EPSILON);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median; `spread` is the sigma of the underlying normal. */
  logNormal(median: number, spread: number): number {
    return median * Math.exp(spread * this.normal());
  }
}

/**
 * Independent streams derived from one seed. Each purpose owns a stream, so that the draws one part
 * makes never shift another's: the commit stream is identical in every mode for the same seed.
 */
export interface RandomStreams {
  /** The team's commits: times, authors, sizes, hidden defects. Mode-independent. */
  commits: Random;
  /** Stage durations, flaky tests, manual deploy mistakes. */
  pipeline: Random;
  /** Fix commits, reaction times of people. */
  people: Random;
  /** Incident timing and severity, detection, rollback. */
  production: Random;
  /**
   * Environments changing by hand (snowflakes) and the incidents drift causes. Its own stream, split
   * last: runs without drift draw nothing from it, and the other streams stay exactly as they were.
   */
  drift: Random;
}

export function createStreams(seed: number): RandomStreams {
  const base = xoroshiro128plus(seed >>> 0);
  const split = (): Random => {
    base.jump();
    return new Random(base.clone());
  };
  const streams = { commits: split(), pipeline: split(), people: split(), production: split() };
  return { ...streams, drift: split() };
}
