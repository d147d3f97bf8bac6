import type { FailureReason, LoggedEvent, StageName } from '../events';

export interface StageOutcome {
  seq: number;
  t: number;
  execution: number;
  /** Undefined for a superseded execution whose revision is no longer known. */
  revision?: number;
  result: 'succeeded' | 'failed' | 'superseded' | 'rejected';
  reason?: FailureReason;
  /** Who decided, at Approval. */
  by?: string;
}

/**
 * The newest outcomes at one stage, newest first, read backwards from the log: what the stage
 * did recently. `revisionOf` finds a superseded execution's revision. At most `scanLimit`
 * events are read, so rare stages cost no more than busy ones.
 */
export function stageHistory(
  log: readonly LoggedEvent[],
  stage: StageName,
  limit: number,
  revisionOf: (execution: number) => number | undefined,
  scanLimit = 20000,
): StageOutcome[] {
  const out: StageOutcome[] = [];
  const stop = Math.max(0, log.length - scanLimit);
  for (let i = log.length - 1; i >= stop && out.length < limit; i--) {
    const e = log[i]!;
    const base = { seq: e.seq, t: e.t };
    switch (e.type) {
      case 'stage.succeeded':
        if (e.stage === stage) out.push({ ...base, execution: e.execution, revision: e.revision, result: 'succeeded' });
        break;
      case 'stage.failed':
        if (e.stage === stage) out.push({ ...base, execution: e.execution, revision: e.revision, result: 'failed', reason: e.reason });
        break;
      case 'execution.superseded':
        if (e.stage === stage) out.push({ ...base, execution: e.execution, revision: revisionOf(e.execution), result: 'superseded' });
        break;
      case 'approval.granted':
        if (stage === 'approval') out.push({ ...base, execution: e.execution, revision: e.revision, result: 'succeeded', by: e.by });
        break;
      case 'approval.rejected':
        if (stage === 'approval') out.push({ ...base, execution: e.execution, revision: e.revision, result: 'rejected', by: e.by });
        break;
      default:
        break;
    }
  }
  return out;
}
