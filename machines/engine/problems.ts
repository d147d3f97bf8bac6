import type { Commit } from '../world/commits';

/**
 * Commits with a compile error or a hidden defect, for the stages to evaluate a revision against. A
 * problem matters only while some revision that will still be evaluated carries it unfixed; `prune`
 * drops the rest, so the cost of a lookup stays bounded however long the run.
 *
 * Build looks only at compile errors and Test only at defects its tests can catch, so each has its
 * own index: compile errors in push order, defects per part of the product by how hard they are to
 * catch (`detectDraw`). Test walks a part's defects only up to that part's coverage, so defects that
 * escape are never visited while they wait for a release.
 */
export class ProblemIndex {
  private items: Commit[] = [];
  private readonly seqs = new Set<number>();
  private compileErrors: Commit[] = [];
  /** Unfixed defects per part of the product, by detectDraw. */
  private defectsByArea = new Map<string, Commit[]>();
  /** Fixed defects still tracked, by when their fix was pushed (oldest fix first). */
  private fixedDefects: Commit[] = [];

  add(commit: Commit): void {
    this.items.push(commit);
    this.seqs.add(commit.seq);
    if (commit.compileError) this.compileErrors.push(commit);
    if (commit.defect) {
      let bucket = this.defectsByArea.get(commit.area);
      if (!bucket) this.defectsByArea.set(commit.area, (bucket = []));
      // Sorted by detectDraw, then push order: binary search for the first one drawn higher.
      let lo = 0;
      let hi = bucket.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (bucket[mid]!.detectDraw <= commit.detectDraw) lo = mid + 1;
        else hi = mid;
      }
      bucket.splice(lo, 0, commit);
    }
  }

  /** Problem commits inside `revision` that are not fixed in it and match `kind`, oldest first. */
  open(revision: number, kind: (c: Commit) => boolean): number[] {
    const found: number[] = [];
    for (const c of this.items) {
      // Pushed in order: nothing after this can be inside the revision.
      if (c.seq > revision) break;
      if (openIn(c, revision) && kind(c)) found.push(c.seq);
    }
    return found;
  }

  /** Commits inside `revision` that do not compile in it, oldest first. */
  compileErrorsIn(revision: number): number[] {
    const found: number[] = [];
    for (const c of this.compileErrors) {
      if (c.seq > revision) break;
      if (openIn(c, revision)) found.push(c.seq);
    }
    return found;
  }

  /** Defects inside `revision`, unfixed in it, that tests with `coverage` per part catch, oldest first. */
  caughtIn(revision: number, coverage: (area: string) => number): number[] {
    const found: number[] = [];
    for (const [area, bucket] of this.defectsByArea) {
      const reach = coverage(area);
      for (const c of bucket) {
        if (c.detectDraw >= reach) break;
        if (c.seq <= revision) found.push(c.seq);
      }
    }
    // Fixed since: open only in revisions older than their fix (rare: most tested revisions are new).
    for (let i = this.fixedDefects.length - 1; i >= 0; i--) {
      const c = this.fixedDefects[i]!;
      if (c.fixedBy! <= revision) break;
      if (c.seq <= revision && c.detectDraw < coverage(c.area)) found.push(c.seq);
    }
    return found.length > 1 ? found.sort((a, b) => a - b) : found;
  }

  /** A fix for `commit` was pushed: its defect leaves the unfixed index. */
  noteFixed(commit: Commit): void {
    if (!commit.defect || !this.seqs.has(commit.seq)) return;
    const bucket = this.defectsByArea.get(commit.area);
    const at = bucket?.indexOf(commit) ?? -1;
    if (bucket && at >= 0) bucket.splice(at, 1);
    // Fixes are pushed in order, so appending keeps the list sorted by fixedBy.
    this.fixedDefects.push(commit);
  }

  /**
   * Forgets problems fixed at or before `oldest`, the oldest revision anyone will still evaluate,
   * except defects production still runs (in revision `production`, their fix not yet there).
   */
  prune(oldest: number, production: number): void {
    const keep = (c: Commit) => c.fixedBy === undefined || c.fixedBy > oldest || (c.defect && c.seq <= production && c.fixedBy > production);
    const before = this.items.length;
    this.items = this.items.filter(keep);
    if (this.items.length === before) return;
    this.seqs.clear();
    for (const c of this.items) this.seqs.add(c.seq);
    this.compileErrors = this.compileErrors.filter(keep);
    for (const [area, bucket] of this.defectsByArea) this.defectsByArea.set(area, bucket.filter(keep));
    this.fixedDefects = this.fixedDefects.filter(keep);
  }

  /** The oldest problem commit still tracked: commits from it on must stay readable. */
  oldest(): number | undefined {
    return this.items[0]?.seq;
  }

  has(seq: number): boolean {
    return this.seqs.has(seq);
  }

  get size(): number {
    return this.items.length;
  }
}

function openIn(c: Commit, revision: number): boolean {
  return c.fixedBy === undefined || c.fixedBy > revision;
}
