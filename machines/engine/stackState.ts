import { defaultTemplateObject } from '../iac/defaultStack';
import { templateFor } from '../iac/defaultTemplate';
import type { ChangeSet } from '../iac/changeSet';
import { DRIFT_CHANGES, type DriftChange, type DriftEffect, type DriftResult } from '../iac/drift';
import { createdResources, type StackEvent, type StackResource, type StackStatus, type StackView } from '../iac/stack';
import type { StackTemplate } from '../iac/types';
import type { Settings } from '../world/settings';

/** A template change committed and on its way through the pipeline. */
export interface InfraCommit {
  seq: number;
  by: string;
  template: StackTemplate;
  templateText: string;
  changeSet: ChangeSet;
}

/** Stack events kept for the Events tab; older ones are dropped. */
const EVENTS_KEPT = 300;

/**
 * The stack `shop-web` as the run holds it: the template applied last, its resources and events,
 * the changes in flight (infra commits), the hand changes production has that the template does not
 * know (drift), and the last drift detection. Made on first use: a run nobody asks about pays nothing.
 */
export class StackState {
  status: StackStatus = 'CREATE_COMPLETE';
  template: StackTemplate;
  templateText: string;
  resources: StackResource[];
  events: StackEvent[];
  drift: DriftResult[] | null = null;
  /** Infra commits not deployed yet, oldest first. */
  readonly inFlight: InfraCommit[] = [];
  /** When the update underway ends (virtual minutes); updates that arrive meanwhile wait for it. */
  busyUntil = 0;
  /** How many times each resource was replaced: a replacement gets a new physical id. */
  readonly generations = new Map<string, number>();

  constructor(settings: Settings) {
    this.template = defaultTemplateObject(settings);
    this.templateText = templateFor(settings);
    this.resources = createdResources(this.template);
    this.events = [{ t: 0, logicalId: 'shop-web', type: 'AWS::CloudFormation::Stack', status: 'CREATE_COMPLETE' }];
  }

  addEvent(event: StackEvent): void {
    this.events.push(event);
    if (this.events.length > EVENTS_KEPT) this.events.splice(0, this.events.length - EVENTS_KEPT);
  }

  view(): StackView {
    const pending = this.inFlight[this.inFlight.length - 1];
    return {
      status: this.status,
      templateText: this.templateText,
      template: this.template,
      resources: this.resources,
      events: this.events,
      drift: this.drift,
      ...(pending ? { pendingChange: { changeSet: pending.changeSet, commit: pending.seq, templateText: pending.templateText } } : {}),
    };
  }
}

/** The hand change in `changes` that has `effect`, if any. */
export function changeWithEffect(changes: ReadonlySet<DriftChange>, effect: DriftEffect): DriftChange | null {
  if (changes.size === 0) return null;
  for (const change of changes) if (DRIFT_CHANGES[change].effect === effect) return change;
  return null;
}
