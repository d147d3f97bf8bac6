import type { Random } from '../sim/random';
import { MINUTES_PER_DAY, isWorkday } from '../sim/calendar';
import type { Person } from './team';

export type CommitKind = 'feature' | 'fix' | 'revert';

/** A commit on main. `seq` is its position on main: revision R contains every commit with seq <= R. */
export interface Commit {
  seq: number;
  sha: string;
  author: string;
  message: string;
  kind: CommitKind;
  /** The part of the product the change touches: the kind of defect it can carry, for learning. */
  area: string;
  /** Lines changed. */
  size: number;
  pushedAt: number;
  /** Hidden problems, unknown to the team until a stage or production reveals them. */
  compileError: boolean;
  defect: boolean;
  /** Tests catch the defect when this draw is below test coverage: the same code stays (un)covered. */
  detectDraw: number;
  /** The commits this one repairs (fixes and reverts). */
  fixes: number[];
  /** Seq of the commit that repaired this one's problem, once pushed. */
  fixedBy?: number;
  /** A change to the stack's template: what the approver reviews, applied when this commit deploys. */
  infra?: { changeSet: import('../iac/changeSet').ChangeSet };
}

/** A commit the team will push, drawn before any mode has a say in it. */
export interface PlannedCommit {
  at: number;
  author: string;
  area: string;
  size: number;
  message: string;
  compileError: boolean;
  defect: boolean;
  detectDraw: number;
}

export interface CommitRates {
  commitsPerDay: number;
  defectRate: number;
  compileErrorRate: number;
  workStartHour: number;
  workEndHour: number;
}

export const AREAS = ['checkout', 'cart', 'search', 'login', 'payments', 'invoices', 'profile', 'catalog', 'shipping', 'emails', 'reports', 'API'];
const VERBS = ['add', 'improve', 'refactor', 'speed up', 'clean up', 'extend', 'tidy', 'rework'];
const THINGS = [
  'validation',
  'error messages',
  'caching',
  'pagination',
  'rounding',
  'logging',
  'retry logic',
  'layout',
  'query',
  'tests',
  'feature flag',
  'timeouts',
];

/** Median commit size in lines; sizes are log-normal, as real commits are. */
const MEDIAN_SIZE = 40;

/**
 * Defect probability grows with size (square root), scaled so that the mean over the size
 * distribution equals `defectRate`. E[sqrt(X/m)] for log-normal X with sigma 1 is exp(1/8).
 */
export function defectProbability(size: number, defectRate: number): number {
  return Math.min(0.95, (defectRate * Math.sqrt(size / MEDIAN_SIZE)) / Math.exp(1 / 8));
}

/**
 * Draws one working day of the team's commits. The draws come only from the commit stream, day after
 * day in order, so every mode sees the same commits for the same seed.
 */
export function planDay(day: number, rng: Random, developers: readonly Person[], rates: CommitRates): PlannedCommit[] {
  if (!isWorkday(day) || rates.commitsPerDay <= 0) return [];
  const count = rng.poisson(rates.commitsPerDay);
  const start = day * MINUTES_PER_DAY + rates.workStartHour * 60;
  const span = (rates.workEndHour - rates.workStartHour) * 60;
  const commits: PlannedCommit[] = [];
  for (let i = 0; i < count; i++) {
    const size = Math.max(1, Math.round(rng.logNormal(MEDIAN_SIZE, 1)));
    const at = start + Math.floor(rng.next() * span);
    const author = rng.pick(developers).name;
    // Drawn in the order the message reads, as before the area was kept: the stream stays the same.
    const verb = rng.pick(VERBS);
    const area = rng.pick(AREAS);
    const thing = rng.pick(THINGS);
    commits.push({
      at,
      author,
      area,
      size,
      message: `${verb} ${area} ${thing}`,
      compileError: rng.chance(rates.compileErrorRate),
      defect: rng.chance(defectProbability(size, rates.defectRate)),
      detectDraw: rng.next(),
    });
  }
  return commits.sort((a, b) => a.at - b.at);
}

/** A short, stable, git-like id for a commit, from the run's seed and the commit's position. */
export function shaFor(seed: number, seq: number): string {
  let h = (seed ^ Math.imul(seq, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h.toString(16).padStart(8, '0').slice(0, 7);
}
