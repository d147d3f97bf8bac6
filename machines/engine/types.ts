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
  batch: number;
  /** Commits with a hidden defect that this deployment shipped: non-empty means a failed change. */
  defects: number[];
}

export type IncidentPhase = 'impact' | 'detected' | 'paged' | 'acknowledged' | 'rollingBack' | 'restored';

export interface Incident {
  id: number;
  deployment: number;
  revision: number;
  culprits: number[];
  errorRate: number;
  startedAt: number;
  detectedAt?: number;
  detectedBy?: 'alarm' | 'customers';
  acknowledgedAt?: number;
  rollbackAt?: number;
  restoredAt?: number;
  restoredBy?: RestorePath;
  paged?: string;
  phase: IncidentPhase;
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
