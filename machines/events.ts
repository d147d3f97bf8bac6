import type { CommitKind } from './world/commits';
import type { HandReleaseKind } from './world/releaseCalendar';
import type { DriftChange } from './iac/drift';

/** The pipeline's stages, in the order work flows (AWS service in `STAGES`). */
export type StageName = 'source' | 'build' | 'test' | 'approval' | 'deploy';

/** `drift`: production was changed by hand and no longer matches staging (a deploy cannot finish there). */
export type FailureReason = 'compile-error' | 'defect-caught' | 'flaky-test' | 'manual-step' | 'injected' | 'rejected' | 'drift';

export type RestorePath = 'automatic-rollback' | 'manual-rollback' | 'fix';

/**
 * The run's event log: the single source of truth for metrics and for the UI's feed. Every event is
 * a plain, serialisable object stamped with virtual time `t` (minutes) and a sequence number.
 */
export type SimEvent =
  | { type: 'commit.pushed'; commit: number; sha: string; author: string; message: string; kind: CommitKind; size: number }
  | { type: 'execution.started'; execution: number; revision: number }
  | { type: 'stage.entered'; execution: number; stage: StageName }
  | { type: 'stage.started'; execution: number; stage: StageName }
  | { type: 'stage.succeeded'; execution: number; stage: StageName; revision: number }
  | { type: 'stage.failed'; execution: number; stage: StageName; revision: number; reason: FailureReason; culprits: number[] }
  | { type: 'execution.superseded'; execution: number; stage: StageName; by: number }
  | { type: 'execution.held'; execution: number; revision: number; incident: number }
  | { type: 'approval.requested'; execution: number; revision: number; pendingCommits: number }
  | { type: 'approval.granted'; execution: number; revision: number; by: string; comment?: string }
  | { type: 'approval.rejected'; execution: number; revision: number; by: string; comment?: string }
  | { type: 'release.scheduled'; execution: number; revision: number }
  /**
   * `batch` counts every commit this deployment ships, once; `reshipped` of them were in production
   * before and were rolled back out (a second attempt ships them again).
   */
  /**
   * A hand-released hotfix (manual release, CI) ships only the fix commits in `patch` onto
   * production's revision `from`, the way a release branch does; `patch` is empty otherwise.
   */
  | {
      type: 'deploy.succeeded';
      execution: number;
      revision: number;
      from: number;
      batch: number;
      reshipped: number;
      defects: number[];
      deployment: number;
      hotfix: boolean;
      patch: number[];
      /** Production had drifted from the template (by hand): this deployment will fail there as it did not in staging. */
      drift?: DriftChange;
    }
  | { type: 'incident.started'; incident: number; deployment: number; revision: number; errorRate: number; culprits: number[]; drift?: DriftChange }
  | { type: 'alarm.fired'; incident: number; errorRate: number; threshold: number }
  | { type: 'incident.reported'; incident: number }
  | { type: 'incident.paged'; incident: number; person: string }
  | { type: 'incident.acknowledged'; incident: number; person: string }
  | { type: 'rollback.started'; incident: number; automatic: boolean; by: string; to: number }
  | { type: 'deploy.rolledBack'; incident: number; from: number; to: number }
  /** The rollback could not run (schema or data changes in the release): the team fixes forward. */
  | { type: 'rollback.failed'; incident: number; from: number; to: number }
  /**
   * A revision that carries the fixes goes out now instead of waiting for the calendar: production is
   * broken (`incident`), or a rolled-back release is tried again (`second-attempt`).
   */
  | { type: 'hotfix.planned'; revision: number; reason: 'incident' | 'second-attempt'; at: number }
  /** A hand release is due now (manual release, CI): release day, the retry of a failed one, or a hotfix. */
  | { type: 'release.due'; kind: HandReleaseKind }
  | { type: 'incident.restored'; incident: number; path: RestorePath }
  | { type: 'handoff.queued'; handoff: number; from: 'dev' | 'ops'; to: 'dev' | 'ops'; about: string }
  /** `waited`: minutes on the clock; `workingMinutes`: of them, working time (nights and weekends left out). */
  | { type: 'handoff.done'; handoff: number; waited: number; workingMinutes: number }
  | { type: 'postmortem.held'; incident: number; blameless: boolean; action: string; blamed?: string }
  | { type: 'pipeline.held'; incident: number }
  | { type: 'pipeline.resumed' }
  | { type: 'fault.injected'; fault: Fault }
  /** An injected fault took effect: on a commit (`commit`) or on an execution at a stage. */
  | { type: 'fault.applied'; fault: Fault; commit?: number; execution?: number }
  /** A template change was committed: it travels through the pipeline and is applied when it deploys. */
  | { type: 'infra.commit'; commit: number; by: string; summary: string }
  /** CloudFormation starts updating the stack `shop-web` (from an infra commit that deployed, or directly). */
  | { type: 'stack.update.started'; by: string; summary: string; resources: number; commit?: number }
  /** One resource's status in the update: UPDATE_IN_PROGRESS, UPDATE_COMPLETE, UPDATE_FAILED, ... */
  | { type: 'stack.update.resource'; logicalId: string; resourceType: string; status: string; reason?: string }
  /** The update finished: the run now does what the template says (`effects`, in words). */
  | { type: 'stack.update.completed'; effects: string[] }
  /** The update failed at `logicalId` and was rolled back (UPDATE_ROLLBACK_COMPLETE): the stack is as before. */
  | { type: 'stack.update.rolledBack'; logicalId: string; reason: string }
  /** Production was changed by hand (injected by a trainer, or a snowflake environment drifting by itself). */
  | { type: 'drift.introduced'; change: DriftChange; logicalId: string; snowflake: boolean }
  /** Detect drift ran: `modified` resources differ from the template. */
  | { type: 'drift.detected'; modified: string[] }
  | { type: 'drift.resolved'; change: DriftChange; how: 'template-applied' | 'template-matches' | 'fixed-by-hand' }
  /** A trainer or learner changed a live setting; charts can mark before and after. */
  | { type: 'settings.changed'; change: LiveSettingsChange };

export interface LiveSettingsChange {
  monitoring?: boolean;
  alarmThreshold?: number;
  approver?: 'scheduled' | 'learner';
  approvalsPerDay?: number;
  testCoverage?: number;
  culture?: 'devops' | 'silos';
  learning?: boolean;
}

export type Fault = 'break-build' | 'flaky-test' | 'escape-defect' | 'fail-deploy';

export type LoggedEvent = SimEvent & { t: number; seq: number };

export type EventOf<T extends SimEvent['type']> = Extract<LoggedEvent, { type: T }>;
