import { describe, expect, it } from 'vitest';
import { createChangeSet, REPLACEMENT_PROPERTIES, requiresRecreation } from '@/machines/iac/changeSet';
import { defaultTemplateObject } from '@/machines/iac/defaultStack';
import { planUpdate } from '@/machines/iac/stack';
import type { StackTemplate } from '@/machines/iac/types';
import { defaultSettings } from '@/machines/world/settings';

const base = () => defaultTemplateObject(defaultSettings('delivery'));
/** The default template with one resource's properties changed. */
function edited(id: string, change: (props: Record<string, unknown>) => void): StackTemplate {
  const t = structuredClone(base());
  change(t.Resources[id]!.Properties!);
  return t;
}

describe('change sets: each change classified against the table of properties that need replacement', () => {
  // [resource, property, new value, replacement expected, requiresRecreation]
  const CASES: [string, string, unknown, 'True' | 'False' | 'Conditional', string][] = [
    ['DeploymentGroup', 'DeploymentGroupName', 'shop-web-blue', 'True', 'Always'],
    ['DeploymentGroup', 'DeploymentConfigName', 'CodeDeployDefault.HalfAtATime', 'False', 'Never'],
    ['WebSecurityGroup', 'GroupDescription', 'HTTPS only', 'True', 'Always'],
    ['WebSecurityGroup', 'SecurityGroupIngress', [{ IpProtocol: 'tcp', FromPort: 8443, ToPort: 8443, CidrIp: '0.0.0.0/0' }], 'False', 'Never'],
    ['WebServerLaunchTemplate', 'LaunchTemplateData', { InstanceType: 't3.large', ImageId: 'ami-0shopweb2026' }, 'False', 'Never'],
    ['WebServerLaunchTemplate', 'LaunchTemplateName', 'web-v2', 'True', 'Always'],
    ['ErrorAlarm', 'Threshold', 0.1, 'False', 'Never'],
    ['ErrorAlarm', 'AlarmName', 'errors-v2', 'True', 'Always'],
    ['ShopDatabase', 'Engine', 'mysql', 'Conditional', 'Conditionally'],
    ['ShopDatabase', 'DBInstanceClass', 'db.m5.xlarge', 'False', 'Never'],
    ['BuildProject', 'Name', 'shop-web-build-v2', 'True', 'Always'],
  ];
  for (const [id, property, value, replacement, recreation] of CASES) {
    it(`${id}.${property} → Replacement ${replacement}`, () => {
      const cs = createChangeSet(
        base(),
        edited(id, (p) => (p[property] = value)),
      );
      expect(cs.rows).toHaveLength(1);
      const [row] = cs.rows;
      expect(row).toMatchObject({ logicalId: id, action: 'Modify', replacement });
      expect(row!.properties).toEqual([expect.objectContaining({ name: property, requiresRecreation: recreation, after: value })]);
      expect(requiresRecreation(row!.type, property)).toBe(recreation);
    });
  }

  it('one property that needs replacement makes the whole row a replacement, whatever else changes', () => {
    const cs = createChangeSet(
      base(),
      edited('WebSecurityGroup', (p) => {
        p.SecurityGroupIngress = [];
        p.GroupDescription = 'new';
      }),
    );
    expect(cs.rows[0]?.replacement).toBe('True');
    expect(cs.rows[0]?.properties.map((p) => [p.name, p.requiresRecreation])).toEqual([
      ['GroupDescription', 'Always'],
      ['SecurityGroupIngress', 'Never'],
    ]);
  });

  it('adds, removes, a changed type and no change at all', () => {
    const t = structuredClone(base());
    t.Resources.Topic = { Type: 'AWS::SNS::Topic', Properties: {} };
    delete t.Resources.SourceRepo;
    t.Resources.BuildProject = { Type: 'AWS::CodeBuild::ReportGroup', Properties: {} };
    const cs = createChangeSet(base(), t);
    expect(cs.rows.map((r) => [r.logicalId, r.action, r.replacement])).toEqual([
      ['BuildProject', 'Modify', 'True'],
      ['Topic', 'Add', null],
      ['SourceRepo', 'Remove', null],
    ]);
    expect(cs.summary).toBe('1 resource to add, 1 resource to modify (1 replaced), 1 resource to remove.');
    expect(createChangeSet(base(), base()).rows).toEqual([]);
  });

  it('removing the Approval stage is a change of mode, delivery to deployment, and back', () => {
    const deployment = defaultTemplateObject(defaultSettings('deployment'));
    expect(createChangeSet(base(), deployment).modeChange).toEqual({ from: 'delivery', to: 'deployment' });
    expect(createChangeSet(deployment, base()).modeChange).toEqual({ from: 'deployment', to: 'delivery' });
    expect(createChangeSet(base(), base()).modeChange).toBeUndefined();
  });

  it('every type in the table has only properties that really need replacing', () => {
    for (const [, props] of Object.entries(REPLACEMENT_PROPERTIES)) for (const how of Object.values(props)) expect(['Always', 'Conditionally']).toContain(how);
  });
});

describe('what an update would do', () => {
  it('the stack policy denies replacing the production database and the production fleet', () => {
    const t = edited('ShopDatabase', (p) => (p.DBInstanceIdentifier = 'shop-v2'));
    const [step] = planUpdate(base(), t, createChangeSet(base(), t));
    expect(step?.failure).toMatch(/^Action denied by stack policy: ShopDatabase would be replaced \(DBInstanceIdentifier requires replacement\)/);
    const fleet = structuredClone(base());
    delete fleet.Resources.WebServerGroup;
    expect(planUpdate(base(), fleet, createChangeSet(base(), fleet))[0]?.failure).toMatch(/WebServerGroup would be deleted/);
  });

  it('a value the resource cannot take fails: database storage cannot shrink', () => {
    const t = edited('ShopDatabase', (p) => (p.AllocatedStorage = 50));
    expect(planUpdate(base(), t, createChangeSet(base(), t))[0]?.failure).toMatch(/AllocatedStorage cannot be decreased \(from 100 to 50 GiB\)/);
    const grow = edited('ShopDatabase', (p) => (p.AllocatedStorage = 200));
    expect(planUpdate(base(), grow, createChangeSet(base(), grow))[0]?.failure).toBeUndefined();
  });

  it('a replacement takes longer than an update in place', () => {
    const inPlace = edited('ErrorAlarm', (p) => (p.Threshold = 0.2));
    const replaced = edited('ErrorAlarm', (p) => (p.AlarmName = 'x'));
    const minutes = (t: StackTemplate) => planUpdate(base(), t, createChangeSet(base(), t))[0]!.minutes;
    expect(minutes(replaced)).toBeGreaterThan(minutes(inPlace));
  });
});
