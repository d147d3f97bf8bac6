import type { FailureReason } from '../events';
import type { Simulation } from '../engine/simulation';
import type { Mode } from '../world/modes';
import { pipelineView, type PipelineView } from './pipelineView';
import type { StageId } from './stages';

/** The latest failure a stage still shows, as the CodePipeline console keeps it until the next run. */
export interface FailedMark {
  execution: number;
  revision: number;
  sha: string;
  /** Commits the stopped execution carried. */
  carries: number;
  /** Undefined for a rejection at Approval. */
  reason?: FailureReason;
  rejected: boolean;
  at: number;
}

export interface DeploymentMark {
  id: number;
  execution: number;
  revision: number;
  sha: string;
  /** Commits this deployment shipped. */
  batch: number;
  at: number;
}

/**
 * Everything the live diagram draws: the engine's PipelineView plus what the stage cards and the
 * tokens need beyond it. The extra fields are optional so a plain PipelineView can be drawn too.
 */
export interface DiagramView extends PipelineView {
  mode?: Mode;
  /** Newest revision on main; also the number of CodePipeline executions started (one per push). */
  head?: number;
  headSha?: string | null;
  /** Commits pushed that production does not run yet. */
  inFlight?: number;
  /** Per stage, the failure it shows while idle. */
  failed?: Partial<Record<StageId, FailedMark>>;
  /**
   * Per stage, its latest result when that was a failure, even if the stage has already taken the
   * next revision (a stage with a revision waiting starts on it the moment the last one fails).
   */
  lastFailure?: Partial<Record<StageId, FailedMark>>;
  lastDeployment?: DeploymentMark | null;
  /** Per stage, the revision it last finished, as its card shows it while idle. */
  lastDone?: Partial<Record<StageId, { revision: number; sha: string }>>;
}

/** One pure read of the simulation for the diagram. */
export function diagramView(sim: Simulation): DiagramView {
  const view = pipelineView(sim);
  const sha = (revision: number) => sim.commit(revision)?.sha ?? `r${revision}`;
  const failed: Partial<Record<StageId, FailedMark>> = {};
  const lastDone: Partial<Record<StageId, { revision: number; sha: string }>> = {};
  const lastFailure: Partial<Record<StageId, FailedMark>> = {};
  for (const stage of view.stages) {
    if (stage.id === 'production') continue;
    const last = sim.lastResults[stage.id];
    if (!last) continue;
    lastDone[stage.id] = { revision: last.revision, sha: sha(last.revision) };
    if (last.status === 'succeeded') continue;
    const mark: FailedMark = {
      execution: last.execution,
      revision: last.revision,
      sha: sha(last.revision),
      carries: sim.executions.get(last.execution)?.carries ?? 1,
      reason: last.reason,
      rejected: last.status === 'rejected',
      at: last.at,
    };
    lastFailure[stage.id] = mark;
    if (stage.status === 'failed') failed[stage.id] = mark;
  }
  const deployment = sim.deployments[sim.deployments.length - 1];
  return {
    ...view,
    mode: sim.settings.mode,
    head: sim.headRevision,
    headSha: sim.headRevision > 0 ? sha(sim.headRevision) : null,
    inFlight: Math.max(0, sim.headRevision - sim.productionRevision),
    failed,
    lastFailure,
    lastDone,
    lastDeployment: deployment
      ? {
          id: deployment.id,
          execution: deployment.execution,
          revision: deployment.revision,
          sha: sha(deployment.revision),
          batch: deployment.batch,
          at: deployment.at,
        }
      : null,
  };
}
