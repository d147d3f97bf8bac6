import { MINUTES_PER_DAY } from '../sim/calendar';
import type { RunState } from './runState';

/**
 * Memory kept bounded however long a run goes on: settled problems stop being scanned, and a live
 * run drops events, commits, executions, incidents and deployments older than its retention.
 */
export class Retention {
  private readonly retainMinutes: number;
  /** Executions not yet considered for trimming start at this id; older ones that lingered wait here. */
  private trimExecutionFrom = 1;
  private lingering: number[] = [];

  constructor(
    private readonly s: RunState,
    retainDays: number,
  ) {
    this.retainMinutes = retainDays * MINUTES_PER_DAY;
  }

  /**
   * A fixed problem matters only while some revision still carries it. Once production and every
   * execution in flight are past its fix, nobody can meet it again: stop scanning for it.
   */
  forgetSettledProblems(): void {
    const s = this.s;
    // The oldest revision any stage, the gate or a release candidate will still evaluate. Production's
    // own revision is not evaluated again: a deployment only looks at what it adds on top of it.
    let oldest = s.lastSeq + 1;
    const consider = (revision: number | undefined) => {
      if (revision !== undefined && revision < oldest) oldest = revision;
    };
    for (const { current, waiting } of Object.values(s.stages)) {
      consider(current?.revision);
      consider(waiting?.revision);
    }
    const approval = s.approval;
    consider(approval?.pending?.revision);
    consider(approval?.waiting?.revision);
    consider(s.releaseCandidate?.revision);
    s.problems.prune(oldest, s.productionRevision);
    for (const seq of s.knownDefects) if (!s.problems.has(seq)) s.knownDefects.delete(seq);
  }

  trimHistory(): void {
    if (!Number.isFinite(this.retainMinutes)) return;
    const s = this.s;
    const cutoff = s.now - this.retainMinutes;
    if (cutoff <= 0) return;
    let drop = 0;
    while (drop < s.log.length && s.log[drop]!.t < cutoff) drop++;
    if (drop > 0) s.log.splice(0, drop);
    // Commits stay readable while production lacks them or a problem (and its incident) refers to them.
    const keepSeq = Math.min(s.productionRevision, (s.problems.oldest() ?? Infinity) - 1);
    let keepFrom = 0;
    while (keepFrom < s.commits.length && s.commits[keepFrom]!.pushedAt < cutoff && s.commits[keepFrom]!.seq <= keepSeq) keepFrom++;
    if (keepFrom > 0) {
      s.commits = s.commits.slice(keepFrom);
      s.commitBase += keepFrom;
    }
    this.trimExecutions(cutoff);
    for (const [id, incident] of s.incidents) {
      if (incident.restoredAt !== undefined && incident.restoredAt < cutoff) s.incidents.delete(id);
    }
    // A deployment stays while a rollback may have to cross it (its schema change can block one).
    let floor = s.lastGoodRevision;
    for (const incident of s.openIncidents()) floor = Math.min(floor, s.deploymentById(incident.deployment)?.rollbackTo ?? 0);
    while (s.deployments.length > 1 && s.deployments[0]!.at < cutoff && s.deployments[0]!.revision <= floor) s.deployments.shift();
    if (keepFrom > 0) for (const seq of s.fixScheduled) if (seq < s.commitBase) s.fixScheduled.delete(seq);
  }

  /**
   * By id, oldest first (ids grow with start time): iterating the whole map daily costs too much
   * in long runs. Executions still running when their turn comes linger and are checked again.
   */
  private trimExecutions(cutoff: number): void {
    const executions = this.s.executions;
    const stillRunning: number[] = [];
    const consider = (id: number) => {
      const execution = executions.get(id);
      if (!execution) return;
      if (execution.endedAt !== undefined && execution.endedAt < cutoff) executions.delete(id);
      else stillRunning.push(id);
    };
    for (const id of this.lingering) consider(id);
    while (this.trimExecutionFrom < this.s.nextExecution) {
      const execution = executions.get(this.trimExecutionFrom);
      if (execution && execution.startedAt >= cutoff) break;
      consider(this.trimExecutionFrom++);
    }
    this.lingering = stillRunning;
  }
}
