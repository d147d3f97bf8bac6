import { evaluate, parameterValues } from './evaluate';
import type { StackTemplate } from './types';

export type DriftStatus = 'IN_SYNC' | 'MODIFIED' | 'DELETED' | 'NOT_CHECKED';

export type DriftChange = 'instance-size' | 'security-group-port' | 'alarm-off';

export interface DriftDifference {
  /** Inside the resource's properties: LaunchTemplateData.InstanceType. */
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface DriftResult {
  logicalId: string;
  status: DriftStatus;
  differences: DriftDifference[];
}

/** What a hand change does to the run until it is put right. */
export type DriftEffect = 'incident' | 'deploy-fails' | 'alarm-silent';

export interface DriftChangeInfo {
  id: DriftChange;
  label: string;
  /** What someone did, in people's words. */
  story: string;
  logicalId: string;
  path: string;
  /** The value production has after the hand change. */
  actual: unknown;
  effect: DriftEffect;
}

/** Named hand changes to production "in the console", each on one property of one resource. */
export const DRIFT_CHANGES: Record<DriftChange, DriftChangeInfo> = {
  'instance-size': {
    id: 'instance-size',
    label: 'Instance size changed by hand',
    story: 'someone shrank the production web servers to t3.micro in the console to save money',
    logicalId: 'WebServerLaunchTemplate',
    path: 'LaunchTemplateData.InstanceType',
    actual: 't3.micro',
    effect: 'incident',
  },
  'security-group-port': {
    id: 'security-group-port',
    label: 'Security group port changed by hand',
    story: 'someone changed the production security group to allow port 8443 instead of 443 in the console',
    logicalId: 'WebSecurityGroup',
    path: 'SecurityGroupIngress[0].FromPort',
    actual: 8443,
    effect: 'deploy-fails',
  },
  'alarm-off': {
    id: 'alarm-off',
    label: 'Alarm switched off by hand',
    story: 'someone switched the production error alarm’s actions off in the console during a noisy night',
    logicalId: 'ErrorAlarm',
    path: 'ActionsEnabled',
    actual: false,
    effect: 'alarm-silent',
  },
};

export const DRIFT_CHANGE_IDS = Object.keys(DRIFT_CHANGES) as DriftChange[];

export function isDriftChange(value: unknown): value is DriftChange {
  return typeof value === 'string' && value in DRIFT_CHANGES;
}

/** The value at `path` ("A.B[0].C") inside `value`. */
export function valueAt(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}

/** What the template says `change`'s property is in production. */
export function expectedValue(template: StackTemplate, change: DriftChange): unknown {
  const info = DRIFT_CHANGES[change];
  const res = template.Resources[info.logicalId];
  if (!res) return undefined;
  const props = evaluate(res.Properties ?? {}, template, parameterValues(template, { Environment: 'production' }));
  const value = valueAt(props, info.path);
  // An alarm with no ActionsEnabled acts: CloudFormation's default is true.
  return value === undefined && info.path === 'ActionsEnabled' ? true : value === 'true' ? true : value === 'false' ? false : value;
}

/** Whether the hand change still differs from what the template says (a template updated to match resolves it). */
export function isDrifted(template: StackTemplate, change: DriftChange): boolean {
  const expected = expectedValue(template, change);
  return expected !== undefined && JSON.stringify(expected) !== JSON.stringify(DRIFT_CHANGES[change].actual);
}

/**
 * Detect drift: every resource of the template, compared with production. `handChanges` are the
 * changes made in the console and not yet put right; a resource they touch is MODIFIED, with the
 * expected (template) and actual (console) values; the rest are IN_SYNC.
 */
export function detectDrift(template: StackTemplate, handChanges: Iterable<DriftChange>): DriftResult[] {
  const byResource = new Map<string, DriftDifference[]>();
  for (const change of handChanges) {
    if (!isDrifted(template, change)) continue;
    const info = DRIFT_CHANGES[change];
    const list = byResource.get(info.logicalId) ?? [];
    list.push({ path: info.path, expected: expectedValue(template, change), actual: info.actual });
    byResource.set(info.logicalId, list);
  }
  return Object.keys(template.Resources).map((logicalId) => {
    const differences = byResource.get(logicalId) ?? [];
    return { logicalId, status: differences.length > 0 ? 'MODIFIED' : 'IN_SYNC', differences };
  });
}
