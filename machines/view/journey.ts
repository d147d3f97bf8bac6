import type { FailureReason } from '../events';
import type { Simulation } from '../engine/simulation';
import type { Execution, StageVisit } from '../engine/types';
import type { CommitKind } from '../world/commits';
import type { StageId } from './stages';

export type JourneyResult = NonNullable<StageVisit['result']> | 'working' | 'waiting';

export interface JourneyStep {
  stage: StageId;
  /** The execution the commit travelled in at this stage. */
  execution: number;
  /** Revision (and its sha) of that execution: the commit's own, or a newer one that carried it. */
  revision: number;
  sha: string;
  /** True when the commit rode inside a newer revision at this stage. */
  carried: boolean;
  enteredAt: number;
  startedAt?: number;
  endedAt?: number;
  result: JourneyResult;
  reason?: FailureReason;
  /** Minutes waiting at the entrance (or for a decision), and working. */
  waitingMinutes: number;
  workingMinutes: number | null;
}

export interface CommitJourney {
  seq: number;
  sha: string;
  author: string;
  message: string;
  kind: CommitKind;
  size: number;
  pushedAt: number;
  /** Shas of the commits this one repairs. */
  fixes: string[];
  steps: JourneyStep[];
  /** Where the commit is now, in words a trainer would say. */
  state: 'in-pipeline' | 'stopped' | 'in-production' | 'rolled-back';
  /** The deployment that first put it in production. */
  deployedAt: number | null;
  deployment: number | null;
  /** Push to production, or its age so far when not deployed. */
  leadMinutes: number;
}

function stepsOf(execution: Execution, ownRevision: number, shaOf: (r: number) => string, now: number, from = 0): JourneyStep[] {
  const steps: JourneyStep[] = [];
  for (const visit of execution.visits) {
    if (visit.enteredAt < from) continue;
    const result: JourneyResult = visit.result ?? (visit.startedAt !== undefined ? 'working' : 'waiting');
    const end = visit.endedAt ?? now;
    const waitingEnd = visit.startedAt ?? end;
    steps.push({
      stage: visit.stage,
      execution: execution.id,
      revision: execution.revision,
      sha: shaOf(execution.revision),
      carried: execution.revision !== ownRevision,
      enteredAt: visit.enteredAt,
      startedAt: visit.startedAt,
      endedAt: visit.endedAt,
      result,
      reason: visit.result === 'failed' || visit.result === 'rejected' ? execution.reason : undefined,
      waitingMinutes: Math.max(0, waitingEnd - visit.enteredAt),
      workingMinutes: visit.startedAt !== undefined ? Math.max(0, end - visit.startedAt) : null,
    });
  }
  return steps;
}

/**
 * A commit's trip so far, stage by stage with times: in its own CodePipeline execution, then inside
 * the newer revisions that superseded it, and, if its own execution stopped (a failed build, a
 * rejection), inside the revision that finally shipped it. Null if the commit is no longer kept.
 */
export function commitJourney(sim: Simulation, seq: number): CommitJourney | null {
  const commit = sim.commit(seq);
  if (!commit) return null;
  const shaOf = (r: number) => sim.commit(r)?.sha ?? `r${r}`;
  const now = sim.now;

  let own: Execution | undefined;
  for (const execution of sim.executions.values()) {
    if (execution.revision === seq) {
      own = execution;
      break;
    }
  }

  const steps: JourneyStep[] = [];
  const seen = new Set<number>();
  let current = own;
  let from = 0;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    steps.push(...stepsOf(current, seq, shaOf, now, from));
    if (current.status !== 'superseded' || current.supersededBy === undefined) break;
    from = current.endedAt ?? now;
    current = sim.executions.get(current.supersededBy);
  }

  const deployment = sim.deployments.find((d) => d.revision >= seq && d.from < seq) ?? null;
  const chainEnd = current ?? own;
  const chainShipped = chainEnd !== undefined && deployment !== null && chainEnd.id === deployment.execution;
  if (deployment && !chainShipped) {
    const shipping = sim.executions.get(deployment.execution);
    if (shipping && !seen.has(shipping.id)) {
      // A later revision contains the commit from its push on: every stage it visited counts.
      steps.push(...stepsOf(shipping, seq, shaOf, now));
    }
  }

  let state: CommitJourney['state'];
  if (sim.productionRevision >= seq) state = 'in-production';
  else if (deployment) state = 'rolled-back';
  else {
    const last = steps[steps.length - 1];
    state = last && (last.result === 'failed' || last.result === 'rejected' || last.result === 'held') ? 'stopped' : 'in-pipeline';
  }

  const deployedAt = deployment?.at ?? null;
  return {
    seq,
    sha: commit.sha,
    author: commit.author,
    message: commit.message,
    kind: commit.kind,
    size: commit.size,
    pushedAt: commit.pushedAt,
    fixes: commit.fixes.map(shaOf),
    steps,
    state,
    deployedAt,
    deployment: deployment?.id ?? null,
    leadMinutes: (deployedAt ?? now) - commit.pushedAt,
  };
}

export interface BatchCommit {
  seq: number;
  sha: string;
  author: string;
  message: string;
  kind: CommitKind;
  pushedAt: number;
}

export interface PendingBatch {
  /** Commits in the revision that production does not run yet. */
  count: number;
  /** Authors by number of commits, most first. */
  authors: { name: string; commits: number }[];
  oldestPushedAt: number | null;
  /** The newest commits of the batch, newest first, at most `limit`. */
  newest: BatchCommit[];
}

/**
 * What would ship if `revision` were deployed now: every commit since production's revision, with
 * its authors and age. Never reveals hidden defects.
 */
export function pendingBatch(sim: Simulation, revision: number, limit = 6): PendingBatch {
  const from = sim.productionRevision;
  const authors = new Map<string, number>();
  const newest: BatchCommit[] = [];
  let oldest: number | null = null;
  let count = 0;
  for (let seq = revision; seq > from; seq--) {
    const c = sim.commit(seq);
    if (!c) continue;
    count++;
    authors.set(c.author, (authors.get(c.author) ?? 0) + 1);
    oldest = c.pushedAt;
    if (newest.length < limit) {
      newest.push({ seq: c.seq, sha: c.sha, author: c.author, message: c.message, kind: c.kind, pushedAt: c.pushedAt });
    }
  }
  return {
    count,
    authors: [...authors.entries()].map(([name, commits]) => ({ name, commits })).sort((a, b) => b.commits - a.commits || a.name.localeCompare(b.name)),
    oldestPushedAt: oldest,
    newest,
  };
}
