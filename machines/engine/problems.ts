import type { Commit } from '../world/commits';

/**
 * Commits with a compile error or a hidden defect, in push order, for the stages to evaluate a
 * revision against. A problem matters only while some revision that will still be evaluated carries
 * it unfixed; `prune` drops the rest, so the cost of a lookup stays bounded however long the run.
 */
export class ProblemIndex {
  private items: Commit[] = [];

  add(commit: Commit): void {
    this.items.push(commit);
  }

  /** Problem commits inside `revision` that are not fixed in it and match `kind`. */
  open(revision: number, kind: (c: Commit) => boolean): number[] {
    const found: number[] = [];
    for (const c of this.items) {
      // Pushed in order: nothing after this can be inside the revision.
      if (c.seq > revision) break;
      if ((c.fixedBy === undefined || c.fixedBy > revision) && kind(c)) found.push(c.seq);
    }
    return found;
  }

  /**
   * Forgets problems fixed at or before `oldest`, the oldest revision anyone will still evaluate,
   * except defects production still runs (in revision `production`, their fix not yet there).
   */
  prune(oldest: number, production: number): void {
    this.items = this.items.filter((c) => c.fixedBy === undefined || c.fixedBy > oldest || (c.defect && c.seq <= production && c.fixedBy > production));
  }

  /** The oldest problem commit still tracked: commits from it on must stay readable. */
  oldest(): number | undefined {
    return this.items[0]?.seq;
  }

  has(seq: number): boolean {
    return this.items.some((c) => c.seq === seq);
  }

  get size(): number {
    return this.items.length;
  }
}
