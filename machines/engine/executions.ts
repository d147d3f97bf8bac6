import type { StageName } from '../events';
import { MODE_INFO } from '../world/modes';
import type { StageEmitted } from '../pipeline/stageMachine';
import { makeJob } from './stageJobs';
import { EnginePart } from './runState';
import type { Execution, Incident } from './types';

type Emitted<T extends StageEmitted['type']> = Extract<StageEmitted, { type: T }>;

/**
 * Executions moving through the pipeline: one starts for every pushed revision, enters each stage,
 * succeeds, fails, is superseded by a newer one, or is held while an incident's defect is unfixed.
 */
export class Executions extends EnginePart {
  /** What the stage runners report back. */
  readonly stageHandlers = {
    'job.started': (e: Emitted<'job.started'>) => this.onJobStarted(e),
    'job.finished': (e: Emitted<'job.finished'>) => this.onJobFinished(e),
    'job.superseded': (e: Emitted<'job.superseded'>) => this.onJobSuperseded(e),
  };

  /** A pushed revision starts its run through the pipeline at Source. */
  start(revision: number): void {
    const s = this.s;
    const execution: Execution = {
      id: s.nextExecution++,
      revision,
      startedAt: s.now,
      stage: 'source',
      status: 'waiting',
      carries: 1,
      visits: [],
    };
    s.executions.set(execution.id, execution);
    s.emit({ type: 'execution.started', execution: execution.id, revision });
    this.arrive(execution, 'source');
  }

  arrive(execution: Execution, stage: StageName): void {
    this.enter(execution, stage);
    if (stage === 'approval') this.parts.approvals.request(execution);
    else this.s.stages[stage].arrive(makeJob(this.s, execution, stage));
  }

  /** The execution waits at `stage` now. */
  enter(execution: Execution, stage: StageName): void {
    const s = this.s;
    execution.stage = stage;
    execution.status = 'waiting';
    execution.visits.push({ stage, enteredAt: s.now });
    s.emit({ type: 'stage.entered', execution: execution.id, stage });
  }

  private onJobStarted({ stage, job }: Emitted<'job.started'>): void {
    const s = this.s;
    const execution = s.executions.get(job.execution);
    if (!execution) return;
    execution.status = 'working';
    const visit = execution.visits[execution.visits.length - 1];
    if (visit) visit.startedAt = s.now;
    if (stage === 'deploy' && MODE_INFO[s.settings.mode].deploysByHand) {
      const sha = s.shaOf(job.revision);
      for (const person of this.parts.people.handDeployers()) this.parts.people.addTask(person, 'deploying', `deploying ${sha} by hand`, s.now + job.duration);
    }
    s.emit({ type: 'stage.started', execution: job.execution, stage });
  }

  private onJobSuperseded({ stage, job, by }: Emitted<'job.superseded'>): void {
    if (stage === 'deploy') this.s.deploysInFlight = Math.max(0, this.s.deploysInFlight - 1);
    this.supersede(job.execution, by.execution, stage);
  }

  supersede(id: number, by: number, stage: StageName): void {
    const s = this.s;
    const execution = s.executions.get(id);
    if (execution) {
      this.end(execution, 'superseded');
      execution.supersededBy = by;
      const newer = s.executions.get(by);
      if (newer) newer.carries += execution.carries;
    }
    s.supersededByStage[stage] = (s.supersededByStage[stage] ?? 0) + 1;
    s.emit({ type: 'execution.superseded', execution: id, stage, by });
  }

  private onJobFinished({ stage, job }: Emitted<'job.finished'>): void {
    const s = this.s;
    const execution = s.executions.get(job.execution);
    if (!execution) return;
    s.lastResults[stage] = { status: job.outcome, execution: job.execution, revision: job.revision, at: s.now, reason: job.reason };
    if (job.outcome === 'failed') {
      execution.reason = job.reason;
      this.end(execution, 'failed');
      const culprits = job.culprits ?? [];
      s.emit({ type: 'stage.failed', execution: job.execution, stage, revision: job.revision, reason: job.reason!, culprits });
      if (stage === 'deploy') this.parts.releases.deployFailed();
      this.parts.commits.tellAuthors(stage, culprits);
      return;
    }
    s.emit({ type: 'stage.succeeded', execution: job.execution, stage, revision: job.revision });
    // The visit ends here: left open, a commit's journey would count its work as still going on.
    if (stage === 'source' || stage === 'build') this.closePassed(execution);
    if (stage === 'source') this.arrive(execution, 'build');
    else if (stage === 'build') this.arrive(execution, 'test');
    else if (stage === 'test') this.afterTest(execution);
    else this.parts.deployments.deployed(execution);
  }

  end(execution: Execution, status: Execution['status']): void {
    const now = this.s.now;
    execution.status = status;
    execution.endedAt = now;
    const visit = execution.visits[execution.visits.length - 1];
    if (visit && visit.endedAt === undefined) {
      visit.endedAt = now;
      visit.result = status === 'waiting' || status === 'working' ? undefined : (status as NonNullable<typeof visit.result>);
    }
  }

  /** The execution passed the stage it is at, and waits at `next` (which takes it later). */
  passOn(execution: Execution, next: StageName): void {
    this.closePassed(execution);
    this.enter(execution, next);
  }

  private closePassed(execution: Execution): void {
    const visit = execution.visits[execution.visits.length - 1];
    if (visit) {
      visit.endedAt = this.s.now;
      visit.result = 'succeeded';
    }
  }

  private afterTest(execution: Execution): void {
    if (this.holdIfKnownBad(execution)) return;
    const { mode } = this.s.settings;
    if (mode === 'delivery' || mode === 'manual') this.pass(execution, 'approval');
    else if (mode === 'ci') {
      this.passOn(execution, 'deploy');
      this.parts.releases.candidateReady(execution);
    } else this.pass(execution, 'deploy');
  }

  /** Passes on to `next` and asks that stage to take the execution. */
  private pass(execution: Execution, next: StageName): void {
    this.closePassed(execution);
    this.arrive(execution, next);
  }

  /** The line is stopped for revisions that still carry a defect an incident revealed. */
  holdIfKnownBad(execution: Execution): boolean {
    const s = this.s;
    for (const seq of s.knownDefects) {
      const c = s.commit(seq);
      if (c && c.seq <= execution.revision && (c.fixedBy === undefined || c.fixedBy > execution.revision)) {
        let incident: Incident | undefined;
        for (const i of s.openIncidents()) if (i.culprits.includes(seq)) incident = i;
        this.end(execution, 'held');
        s.emit({ type: 'execution.held', execution: execution.id, revision: execution.revision, incident: incident?.id ?? 0 });
        return true;
      }
    }
    return false;
  }
}
