import type { Mode } from '../world/modes';
import { configOf } from './stackConfig';
import type { StackTemplate, TemplateResource } from './types';

export type RequiresRecreation = 'Never' | 'Conditionally' | 'Always';

export interface ChangeSetRow {
  logicalId: string;
  type: string;
  action: 'Add' | 'Modify' | 'Remove';
  replacement: 'True' | 'False' | 'Conditional' | null;
  properties: { name: string; requiresRecreation: RequiresRecreation; before?: unknown; after?: unknown }[];
}

export interface ChangeSet {
  rows: ChangeSetRow[];
  summary: string;
  modeChange?: { from: Mode; to: Mode };
}

/**
 * Properties whose change replaces the resource (a new physical resource, the old one deleted), per
 * type, from the CloudFormation resource reference's "Update requires" lines. A property not listed
 * updates in place (no or some interruption). "Conditionally": replaced in some cases only.
 */
export const REPLACEMENT_PROPERTIES: Record<string, Record<string, Exclude<RequiresRecreation, 'Never'>>> = {
  'AWS::CodeCommit::Repository': {},
  'AWS::CodeBuild::Project': { Name: 'Always' },
  'AWS::CodePipeline::Pipeline': { Name: 'Always' },
  'AWS::CodeDeploy::Application': { ApplicationName: 'Always', ComputePlatform: 'Always' },
  'AWS::CodeDeploy::DeploymentGroup': { ApplicationName: 'Always', DeploymentGroupName: 'Always' },
  'AWS::CloudWatch::Alarm': { AlarmName: 'Always' },
  'AWS::EC2::LaunchTemplate': { LaunchTemplateName: 'Always' },
  'AWS::EC2::SecurityGroup': { GroupDescription: 'Always', GroupName: 'Always', VpcId: 'Always' },
  'AWS::AutoScaling::AutoScalingGroup': {
    AutoScalingGroupName: 'Always',
    InstanceId: 'Always',
    VPCZoneIdentifier: 'Conditionally',
    AvailabilityZones: 'Conditionally',
  },
  'AWS::RDS::DBInstance': {
    DBInstanceIdentifier: 'Always',
    DBName: 'Always',
    MasterUsername: 'Always',
    StorageEncrypted: 'Always',
    KmsKeyId: 'Always',
    Engine: 'Conditionally',
    AvailabilityZone: 'Conditionally',
    DBSnapshotIdentifier: 'Conditionally',
  },
  'AWS::IAM::Role': { RoleName: 'Always', Path: 'Always' },
  'AWS::S3::Bucket': { BucketName: 'Always' },
};

export function requiresRecreation(type: string, property: string): RequiresRecreation {
  return REPLACEMENT_PROPERTIES[type]?.[property] ?? 'Never';
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedProperties(type: string, before: TemplateResource, after: TemplateResource): ChangeSetRow['properties'] {
  const a = before.Properties ?? {};
  const b = after.Properties ?? {};
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const out: ChangeSetRow['properties'] = [];
  for (const name of names) {
    if (same(a[name], b[name])) continue;
    out.push({ name, requiresRecreation: requiresRecreation(type, name), before: a[name], after: b[name] });
  }
  // Attributes beside the properties (DependsOn, DeletionPolicy) change the resource too, in place.
  for (const key of ['DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy'] as const) {
    if (!same(before[key], after[key])) out.push({ name: key, requiresRecreation: 'Never', before: before[key], after: after[key] });
  }
  return out;
}

function replacementOf(properties: ChangeSetRow['properties']): ChangeSetRow['replacement'] {
  if (properties.some((p) => p.requiresRecreation === 'Always')) return 'True';
  if (properties.some((p) => p.requiresRecreation === 'Conditionally')) return 'Conditional';
  return 'False';
}

/**
 * What executing `after` over `before` would do, per resource, before anything is applied: added,
 * modified (replaced or in place, and which properties cause it) or removed; a changed type is a
 * replacement. Rows follow the new template's order, removals last.
 */
export function createChangeSet(before: StackTemplate, after: StackTemplate): ChangeSet {
  const rows: ChangeSetRow[] = [];
  for (const [id, res] of Object.entries(after.Resources)) {
    const old = before.Resources[id];
    if (!old) {
      rows.push({ logicalId: id, type: res.Type, action: 'Add', replacement: null, properties: [] });
      continue;
    }
    if (old.Type !== res.Type) {
      rows.push({
        logicalId: id,
        type: res.Type,
        action: 'Modify',
        replacement: 'True',
        properties: [{ name: 'Type', requiresRecreation: 'Always', before: old.Type, after: res.Type }],
      });
      continue;
    }
    const properties = changedProperties(res.Type, old, res);
    // A parameter or mapping change reaches resources through Ref and FindInMap: CloudFormation lists them as Conditional.
    if (properties.length === 0) continue;
    rows.push({ logicalId: id, type: res.Type, action: 'Modify', replacement: replacementOf(properties), properties });
  }
  for (const [id, res] of Object.entries(before.Resources)) {
    if (!(id in after.Resources)) rows.push({ logicalId: id, type: res.Type, action: 'Remove', replacement: null, properties: [] });
  }
  const from = configOf(before).mode;
  const to = configOf(after).mode;
  const changeSet: ChangeSet = { rows, summary: summarize(rows, from !== to ? { from, to } : undefined) };
  if (from !== to) changeSet.modeChange = { from, to };
  return changeSet;
}

function summarize(rows: readonly ChangeSetRow[], modeChange?: { from: Mode; to: Mode }): string {
  if (rows.length === 0) return 'No changes: the template describes the stack as it is.';
  const count = (action: ChangeSetRow['action']) => rows.filter((r) => r.action === action).length;
  const replaced = rows.filter((r) => r.replacement === 'True').length;
  const parts: string[] = [];
  const n = (k: number, what: string) => `${k} ${k === 1 ? 'resource' : 'resources'} ${what}`;
  if (count('Add')) parts.push(n(count('Add'), 'to add'));
  if (count('Modify')) parts.push(`${n(count('Modify'), 'to modify')}${replaced ? ` (${replaced} replaced)` : ''}`);
  if (count('Remove')) parts.push(n(count('Remove'), 'to remove'));
  const mode = modeChange ? `; the pipeline changes from ${modeChange.from} to ${modeChange.to}` : '';
  return `${parts.join(', ')}${mode}.`;
}
