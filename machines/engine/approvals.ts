import type { ApprovalEmitted } from '../pipeline/approvalMachine';
import { EnginePart } from './runState';
import type { Execution } from './types';

type Emitted<T extends ApprovalEmitted['type']> = Extract<ApprovalEmitted, { type: T }>;

/**
 * The Approval stage, in the modes that have one: requests (a ticket to Ops first in silos), people's
 * decisions, and what an approval or a rejection does to the execution.
 */
export class Approvals extends EnginePart {
  /** What the Approval runner reports back. */
  readonly handlers = {
    'approval.ready': (e: Emitted<'approval.ready'>) => this.onReady(e),
    'approval.decided': (e: Emitted<'approval.decided'>) => this.onDecided(e),
    'approval.superseded': (e: Emitted<'approval.superseded'>) => this.parts.executions.supersede(e.request.execution, e.by.execution, 'approval'),
  };

  /** An execution that passed the tests asks for approval (it has entered the stage). */
  request(execution: Execution): void {
    const s = this.s;
    const approval = s.approval!;
    // In silos the approver sits in Ops: the request is a ticket in their queue first. One ticket
    // per release: newer revisions join the open ticket instead of opening their own.
    const silos = s.settings.culture === 'silos' && s.settings.mode === 'delivery' && approval.pending === null;
    const ticketDelay = silos ? this.parts.people.ticketDelay(s.now) : 0;
    if (silos) this.parts.people.countHandoff('dev', 'ops', `approve revision ${s.shaOf(execution.revision)}`, ticketDelay);
    approval.request({ execution: execution.id, revision: execution.revision, requestedAt: s.now, ticketDelay });
    this.parts.releases.planHotfixIfNeeded(execution.revision);
  }

  /** An approver's round: the newest waiting revision replaces the pending one and is approved. */
  approveNewest(by: string, comment?: string): boolean {
    const approval = this.s.approval;
    if (!approval) return false;
    approval.takeNewest();
    return this.decide(true, by, comment);
  }

  decide(approved: boolean, by: string, comment?: string): boolean {
    return this.s.approval?.decide(approved, by, comment?.trim() || undefined) ?? false;
  }

  private onReady({ request }: Emitted<'approval.ready'>): void {
    const s = this.s;
    const execution = s.executions.get(request.execution);
    if (!execution) return;
    s.emit({
      type: 'approval.requested',
      execution: request.execution,
      revision: request.revision,
      pendingCommits: s.undeployedCommits(request.revision),
    });
    this.parts.releases.planHotfixIfNeeded(request.revision);
  }

  private onDecided({ request, approved, by, comment }: Emitted<'approval.decided'>): void {
    const s = this.s;
    const execution = s.executions.get(request.execution);
    if (!execution) return;
    s.lastResults.approval = { status: approved ? 'succeeded' : 'rejected', execution: execution.id, revision: request.revision, at: s.now };
    if (!approved) {
      execution.reason = 'rejected';
      this.parts.executions.end(execution, 'rejected');
      s.emit({ type: 'approval.rejected', execution: execution.id, revision: request.revision, by, comment });
      return;
    }
    s.emit({ type: 'approval.granted', execution: execution.id, revision: request.revision, by, comment });
    this.parts.executions.passOn(execution, 'deploy');
    this.parts.releases.startDeploy(execution);
  }
}
