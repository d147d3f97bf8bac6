import { describe, expect, it } from 'vitest';
import { defaultTemplateObject } from '@/machines/iac/defaultStack';
import { DRIFT_CHANGE_IDS, DRIFT_CHANGES, detectDrift, expectedValue, isDrifted } from '@/machines/iac/drift';
import { configOf } from '@/machines/iac/stackConfig';
import { defaultSettings } from '@/machines/world/settings';

const template = () => defaultTemplateObject(defaultSettings('delivery'));

describe('drift detection', () => {
  it('without hand changes every resource is IN_SYNC', () => {
    const results = detectDrift(template(), []);
    expect(results).toHaveLength(Object.keys(template().Resources).length);
    expect(results.every((r) => r.status === 'IN_SYNC' && r.differences.length === 0)).toBe(true);
  });

  it('each hand change makes its resource MODIFIED, with the template’s value (for production) and the console’s', () => {
    const expected = { 'instance-size': 't3.medium', 'security-group-port': 443, 'alarm-off': true };
    for (const change of DRIFT_CHANGE_IDS) {
      const info = DRIFT_CHANGES[change];
      const modified = detectDrift(template(), [change]).filter((r) => r.status !== 'IN_SYNC');
      expect(modified).toEqual([
        { logicalId: info.logicalId, status: 'MODIFIED', differences: [{ path: info.path, expected: expected[change], actual: info.actual }] },
      ]);
      expect(info.label.length).toBeGreaterThan(5);
    }
  });

  it('the expected value is production’s: the instance type comes through the Environment mapping', () => {
    expect(expectedValue(template(), 'instance-size')).toBe('t3.medium');
    expect(configOf(template(), 'staging').instanceType).toBe('t3.small');
  });

  it('a template updated to match the console is no longer drifted', () => {
    const t = template();
    (t.Mappings!.EnvironmentSize as Record<string, Record<string, unknown>>).production!.InstanceType = 't3.micro';
    expect(isDrifted(t, 'instance-size')).toBe(false);
    expect(detectDrift(t, ['instance-size']).every((r) => r.status === 'IN_SYNC')).toBe(true);
    const alarmOff = template();
    alarmOff.Resources.ErrorAlarm!.Properties!.ActionsEnabled = false;
    expect(isDrifted(alarmOff, 'alarm-off')).toBe(false);
    expect(isDrifted(template(), 'alarm-off')).toBe(true);
  });
});
