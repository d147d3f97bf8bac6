import type { ChangeSet, ChangeSetRow } from './changeSet';
import { evaluate, parameterValues } from './evaluate';
import type { DriftResult, DriftStatus } from './drift';
import type { StackTemplate } from './types';

export type StackStatus =
  | 'CREATE_COMPLETE'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'
  | 'UPDATE_COMPLETE'
  | 'UPDATE_ROLLBACK_IN_PROGRESS'
  | 'UPDATE_ROLLBACK_COMPLETE';

export type ResourceStatus =
  | 'CREATE_COMPLETE'
  | 'CREATE_IN_PROGRESS'
  | 'UPDATE_IN_PROGRESS'
  | 'UPDATE_COMPLETE'
  | 'UPDATE_FAILED'
  | 'DELETE_IN_PROGRESS'
  | 'DELETE_COMPLETE'
  | 'UPDATE_ROLLBACK_IN_PROGRESS'
  | 'UPDATE_ROLLBACK_COMPLETE';

export interface StackResource {
  logicalId: string;
  type: string;
  physicalId: string;
  status: ResourceStatus;
  drift: DriftStatus;
}

/** One line of the stack's Events tab; `logicalId` is the stack's name for the stack itself. */
export interface StackEvent {
  t: number;
  logicalId: string;
  type: string;
  status: string;
  reason?: string;
}

/** What a page reads of the running stack. */
export interface StackView {
  status: StackStatus;
  templateText: string;
  template: StackTemplate;
  resources: StackResource[];
  events: StackEvent[];
  drift: DriftResult[] | null;
  pendingChange?: { changeSet: ChangeSet; commit?: number; templateText: string };
}

/**
 * The stack policy: updates that would replace or delete these resources are denied (production's
 * data and the fleet serving customers). A change set that needs one fails and rolls back.
 */
export const STACK_POLICY: { logicalId: string; denies: ('Update:Replace' | 'Update:Delete')[]; why: string }[] = [
  { logicalId: 'ShopDatabase', denies: ['Update:Replace', 'Update:Delete'], why: 'replacing the production database would lose its data' },
  { logicalId: 'WebServerGroup', denies: ['Update:Replace', 'Update:Delete'], why: 'replacing the production web fleet would take the shop offline' },
];

/** Minutes CloudFormation takes per resource type to update one in place. */
const UPDATE_MINUTES: Record<string, number> = {
  'AWS::RDS::DBInstance': 12,
  'AWS::AutoScaling::AutoScalingGroup': 6,
  'AWS::CodePipeline::Pipeline': 2,
  'AWS::CodeDeploy::DeploymentGroup': 2,
  'AWS::CodeBuild::Project': 1,
  'AWS::CloudWatch::Alarm': 1,
  'AWS::EC2::LaunchTemplate': 1,
  'AWS::EC2::SecurityGroup': 1,
};

/** Virtual minutes one row of a change set takes: a replacement builds a new resource, then deletes the old. */
export function rowMinutes(row: ChangeSetRow): number {
  const base = UPDATE_MINUTES[row.type] ?? 1;
  if (row.action === 'Add') return base * 2;
  if (row.action === 'Remove') return 1;
  return row.replacement === 'True' ? base * 3 : base;
}

/** One resource's step in an update: how long it takes, and why it fails if it cannot be done. */
export interface UpdateStep {
  row: ChangeSetRow;
  minutes: number;
  failure?: string;
}

/**
 * The steps of an update, in change-set order, each with its failure if it has one: a replacement or
 * a removal the stack policy denies, or a value the live resource cannot take (a database's storage
 * cannot shrink; a group cannot have more minimum than maximum instances).
 */
export function planUpdate(before: StackTemplate, after: StackTemplate, changeSet: ChangeSet): UpdateStep[] {
  return changeSet.rows.map((row) => ({ row, minutes: rowMinutes(row), failure: failureOf(before, after, row) }));
}

function failureOf(before: StackTemplate, after: StackTemplate, row: ChangeSetRow): string | undefined {
  const policy = STACK_POLICY.find((p) => p.logicalId === row.logicalId);
  if (policy && row.replacement === 'True' && policy.denies.includes('Update:Replace')) {
    const cause = row.properties.filter((p) => p.requiresRecreation === 'Always').map((p) => p.name);
    return `Action denied by stack policy: ${row.logicalId} would be replaced (${cause.join(', ')} requires replacement), and ${policy.why}`;
  }
  if (policy && row.action === 'Remove' && policy.denies.includes('Update:Delete')) {
    return `Action denied by stack policy: ${row.logicalId} would be deleted, and ${policy.why}`;
  }
  if (row.action !== 'Modify') return undefined;
  const props = (t: StackTemplate) =>
    evaluate(t.Resources[row.logicalId]?.Properties ?? {}, t, parameterValues(t, { Environment: 'production' })) as Record<string, unknown>;
  const old = props(before);
  const now = props(after);
  if (row.type === 'AWS::RDS::DBInstance' && Number(now.AllocatedStorage) < Number(old.AllocatedStorage)) {
    return `Invalid storage size for the production database: AllocatedStorage cannot be decreased (from ${String(old.AllocatedStorage)} to ${String(now.AllocatedStorage)} GiB)`;
  }
  if (row.type === 'AWS::AutoScaling::AutoScalingGroup' && Number(now.MinSize) > Number(now.MaxSize)) {
    return `MinSize (${String(now.MinSize)}) cannot be greater than MaxSize (${String(now.MaxSize)}) in production`;
  }
  return undefined;
}

/** The resources of a freshly created stack, every one in sync. */
export function createdResources(template: StackTemplate): StackResource[] {
  return Object.entries(template.Resources).map(([logicalId, r]) => ({
    logicalId,
    type: r.Type,
    physicalId: physicalIdFor(logicalId, r.Type, 1),
    status: 'CREATE_COMPLETE',
    drift: 'NOT_CHECKED',
  }));
}

/** A console-like physical id: shop-web-ErrorAlarm-1A2B3C (a replacement gets a new one). */
export function physicalIdFor(logicalId: string, type: string, generation: number): string {
  let h = 2166136261;
  for (const c of `${logicalId}:${type}:${generation}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `shop-web-${logicalId}-${h.toString(36).toUpperCase().slice(0, 8)}`;
}
