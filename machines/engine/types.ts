import type { FailureReason, RestorePath, StageName } from '../events';

export type ExecutionStatus = 'waiting' | 'working' | 'succeeded' | 'failed' | 'superseded' | 'held' | 'rejected';

export interface StageVisit {
  stage: StageName;
  enteredAt: number;
  startedAt?: number;
  endedAt?: number;
  result?: 'succeeded' | 'failed' | 'superseded' | 'held' | 'rejected';
}

/** A CodePipeline execution: one revision's trip through the stages. */
export interface Execution {
  id: number;
  revision: number;
  startedAt: number;
  stage: StageName | 'production';
  status: ExecutionStatus;
  reason?: FailureReason;
  supersededBy?: number;
  /** Commits this execution carries forward: its own, plus those of executions it superseded. */
  carries: number;
  endedAt?: number;
  visits: StageVisit[];
}

/** A production deployment [CodeDeploy]. */
export interface Deployment {
  id: number;
  execution: number;
  revision: number;
  /** The revision production ran before; the batch is every commit in (from, revision]. */
  from: number;
  at: number;
  /** Commits shipped: every commit in (from, revision], once; for a hand-released hotfix, its `patch`. */
  batch: number;
  /** Of the batch, commits that had been in production before and were rolled back out. */
  reshipped: number;
  /** Commits with a hidden defect that this deployment shipped: non-empty means a failed change. */
  defects: number[];
  /** Where a rollback of this deployment goes: the last revision that ran without a shipped defect. */
  rollbackTo: number;
  /** It shipped a schema or data change the revision before cannot run on: rolling back past it fails. */
  irreversible: boolean;
  /** Shipped outside the calendar to put production right (manual release, CI, a scheduled approver). */
  hotfix: boolean;
  /** A hand-released hotfix's fix commits, shipped onto `from` like a release branch; empty otherwise. */
  patch: number[];
  /** Production had drifted from the template: this deployment breaks there (an incident follows). */
  drift?: import('../iac/drift').DriftChange;
}

export type IncidentPhase = 'impact' | 'detected' | 'paged' | 'acknowledged' | 'rollingBack' | 'fixingForward' | 'restored';

export interface Incident {
  id: number;
  deployment: number;
  revision: number;
  /** The escaped defect behind it: every defect a deployment ships causes its own incident. */
  culprits: number[];
  /** The culprit's part of the product and author, kept here because old commits leave memory. */
  culpritArea: string;
  culpritAuthor: string;
  errorRate: number;
  startedAt: number;
  detectedAt?: number;
  detectedBy?: 'alarm' | 'customers';
  acknowledgedAt?: number;
  rollbackAt?: number;
  /** When a rollback could not run and the team turned to fixing forward. */
  rollbackFailedAt?: number;
  restoredAt?: number;
  restoredBy?: RestorePath;
  paged?: string;
  phase: IncidentPhase;
  /** Caused by production drifting from the template, not by a commit's defect. */
  drift?: import('../iac/drift').DriftChange;
}

/** The latest outcome at a stage, as the CodePipeline console shows it until the next one. */
export interface StageResult {
  status: 'succeeded' | 'failed' | 'rejected';
  execution: number;
  revision: number;
  at: number;
  reason?: import('../events').FailureReason;
}

export type TaskKind = 'fixing' | 'reviewing' | 'deploying' | 'on-call' | 'waiting' | 'ticket';

/** Something a person is busy with, for the team view; `until` is unknown while it is open-ended. */
export interface Task {
  id: number;
  person: string;
  kind: TaskKind;
  about: string;
  since: number;
  until?: number;
  incident?: number;
}
