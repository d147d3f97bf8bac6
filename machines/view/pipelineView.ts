import type { FailureReason } from '../events';
import type { Simulation } from '../engine/simulation';
import type { Execution } from '../engine/types';
import { MODE_INFO } from '../world/modes';
import { STAGE_INFO, stagesFor, type StageId, type Status } from './stages';
import { stageNoteWords } from '../words';

export interface RevisionView {
  execution: number;
  revision: number;
  sha: string;
  author: string;
  message: string;
  /** Commits this execution carries (its own plus superseded ones). */
  carries: number;
  /** Commits in this revision that production does not run yet: its batch if deployed now. */
  batch: number;
  /** Virtual minute it reached the stage. */
  since: number;
}

/**
 * The one number a revision shows at a stage, and what it counts. At the gates (Approval, Deploy)
 * a revision is about to ship, so it counts the commits production does not run yet (its batch);
 * elsewhere it counts the commits it carries (its own plus those it superseded). A stage card and
 * the token docked in it both read this, so they never show two numbers for one revision.
 */
export interface RevisionCount {
  commits: number;
  /** 'to-ship': the batch if deployed now ("117 to ship"); 'carried': its commits ("3 commits"). */
  counts: 'to-ship' | 'carried';
}

/** Whether a stage is a gate before production, where a revision's number is what it would ship. */
export function isGate(stage: StageId): boolean {
  return stage === 'approval' || stage === 'deploy';
}

/** What a revision at (or waiting before) a stage counts: see RevisionCount. */
export function revisionCount(stage: StageId, revision: Pick<RevisionView, 'carries' | 'batch'>): RevisionCount {
  return isGate(stage) ? { commits: revision.batch, counts: 'to-ship' } : { commits: revision.carries, counts: 'carried' };
}

/**
 * Why a stage shows its status, as data: views word it themselves (`stageNoteWords` in words.ts
 * for the detail and the card), so none of them has to read meaning back out of a sentence.
 */
export type StageNote =
  | { kind: 'idle' }
  | { kind: 'working'; byHand: boolean }
  /** A revision at Approval, waiting for a ticket, release day, the learner or the approver. */
  | { kind: 'approval'; waitsFor: 'ops-ticket' | 'release-day' | 'learner' | 'approver' }
  /** CI: the release candidate waits at Deploy for the scheduled hand deploy. */
  | { kind: 'scheduled-release' }
  | { kind: 'succeeded' }
  | { kind: 'failed'; reason?: FailureReason }
  | { kind: 'rejected' }
  /** Production only. */
  | { kind: 'incidents'; open: number }
  | { kind: 'rolled-back' }
  | { kind: 'healthy' };

export interface StageView {
  id: StageId;
  name: string;
  service: string;
  status: Status;
  /** Why the status is what it is. */
  note: StageNote;
  /** The note in words: "compile error", "Waiting for the approver". */
  detail: string;
  current: RevisionView | null;
  waiting: RevisionView | null;
  superseded: number;
  lastReason?: FailureReason;
}

export interface ProductionView {
  revision: number;
  sha: string | null;
  healthy: boolean;
  errorRate: number;
  openIncidents: number;
  deployments: number;
  lastDeployedAt: number | null;
}

export interface PipelineView {
  now: number;
  stages: StageView[];
  production: ProductionView;
  /** The line is stopped: revisions with a known defect are held before Deploy. */
  held: boolean;
  /**
   * Approve / Reject are possible right now, as the approval runner says. Components holding the
   * runner actor ask `snapshot.can({ type: 'approval.approve', ... })` instead; this serves the
   * headless views and tests.
   */
  canDecide: boolean;
  /** The approval request is in Ops' ticket queue (silos) and not yet in front of the approver. */
  inTicketQueue: boolean;
}

/** Everything the pipeline diagram shows, derived from the simulation in one pure read. */
export function pipelineView(sim: Simulation): PipelineView {
  const revisionView = (execution: Execution | undefined, since?: number): RevisionView | null => {
    if (!execution) return null;
    const commit = sim.commit(execution.revision);
    const visit = execution.visits[execution.visits.length - 1];
    return {
      execution: execution.id,
      revision: execution.revision,
      sha: commit?.sha ?? String(execution.revision),
      author: commit?.author ?? '',
      message: commit?.message ?? '',
      carries: execution.carries,
      batch: sim.undeployedCommits(execution.revision),
      since: since ?? visit?.enteredAt ?? execution.startedAt,
    };
  };
  const superseded = sim.supersededByStage;
  const stages: StageView[] = [];
  const approval = sim.approval;
  for (const id of stagesFor(sim.settings.mode)) {
    const info = STAGE_INFO[id];
    const base = { id, name: info.name, service: info.service, superseded: id === 'production' ? 0 : (superseded[id] ?? 0) };
    if (id === 'production') continue;
    let current: RevisionView | null = null;
    let waiting: RevisionView | null = null;
    let status: Status = 'idle';
    let note: StageNote = { kind: 'idle' };
    if (id === 'approval') {
      current = revisionView(approval?.pending ? sim.executions.get(approval.pending.execution) : undefined);
      waiting = revisionView(approval?.waiting ? sim.executions.get(approval.waiting.execution) : undefined);
      if (current) {
        status = 'waiting';
        note = {
          kind: 'approval',
          waitsFor:
            approval?.phase === 'inTicketQueue'
              ? 'ops-ticket'
              : sim.settings.mode === 'manual'
                ? 'release-day'
                : sim.settings.approver === 'learner'
                  ? 'learner'
                  : 'approver',
        };
      }
    } else {
      const ctx = sim.stages[id];
      current = revisionView(ctx.current ? sim.executions.get(ctx.current.execution) : undefined);
      waiting = revisionView(ctx.waiting ? sim.executions.get(ctx.waiting.execution) : undefined);
      if (id === 'deploy' && !current && sim.releaseCandidate) {
        waiting = revisionView(sim.releaseCandidate);
        status = 'waiting';
        note = { kind: 'scheduled-release' };
      }
      if (current) {
        status = 'working';
        note = { kind: 'working', byHand: id === 'deploy' && MODE_INFO[sim.settings.mode].deploysByHand };
      }
    }
    const last = sim.lastResults[id];
    if (status === 'idle' && last) {
      status = last.status === 'succeeded' ? 'succeeded' : 'failed';
      note = last.reason
        ? { kind: 'failed', reason: last.reason }
        : last.status === 'rejected'
          ? { kind: 'rejected' }
          : last.status === 'succeeded'
            ? { kind: 'succeeded' }
            : { kind: 'failed' };
    }
    stages.push({ ...base, status, note, detail: stageNoteWords(note).told, current, waiting, lastReason: last?.reason });
  }
  const open = sim.openIncidents();
  const lastDeployment = sim.deployments[sim.deployments.length - 1];
  const production: ProductionView = {
    revision: sim.productionRevision,
    sha: sim.productionRevision > 0 ? (sim.commit(sim.productionRevision)?.sha ?? null) : null,
    healthy: open.length === 0,
    errorRate: sim.errorRate(),
    openIncidents: open.length,
    deployments: sim.deployments.length,
    lastDeployedAt: lastDeployment?.at ?? null,
  };
  const rolledBack = lastDeployment !== undefined && sim.productionRevision < lastDeployment.revision;
  const productionNote: StageNote = open.length > 0 ? { kind: 'incidents', open: open.length } : rolledBack ? { kind: 'rolled-back' } : { kind: 'healthy' };
  stages.push({
    id: 'production',
    name: STAGE_INFO.production.name,
    service: STAGE_INFO.production.service,
    status: open.length > 0 ? 'failed' : rolledBack ? 'rolled-back' : production.deployments > 0 ? 'succeeded' : 'idle',
    note: productionNote,
    detail: stageNoteWords(productionNote).told,
    current: null,
    waiting: null,
    superseded: 0,
  });
  return {
    now: sim.now,
    stages,
    production,
    held: sim.pipelineActor.getSnapshot().matches('held'),
    canDecide: approval?.canDecide ?? false,
    inTicketQueue: approval?.phase === 'inTicketQueue',
  };
}
