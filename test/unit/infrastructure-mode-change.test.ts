import { describe, expect, it } from 'vitest';
import { withPipelineOf } from '../../components/infrastructure/modeTemplate';
import { createChangeSet } from '../../machines/iac/changeSet';
import { templateFor } from '../../machines/iac/defaultTemplate';
import { parseTemplate } from '../../machines/iac/parse';
import { defaultSettings } from '../../machines/world/settings';

function parsed(text: string) {
  const result = parseTemplate(text);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.template;
}

describe('a mode change from the toolbar as a change of the template', () => {
  const delivery = defaultSettings('delivery', 1);
  // The learner has edited the alarm: a mode change must not undo that.
  const running = templateFor(delivery).replace('Threshold: 0.05', 'Threshold: 0.1');

  it('changes only the Pipeline resource, keeping other edits', () => {
    const text = withPipelineOf(running, templateFor({ ...delivery, mode: 'deployment' }));
    expect(text).not.toBeNull();
    expect(text).toContain('Threshold: 0.1');
    expect(text).not.toContain('- Name: Approval');
    const changeSet = createChangeSet(parsed(running), parsed(text!));
    expect(changeSet.rows.map((r) => [r.logicalId, r.action])).toEqual([['Pipeline', 'Modify']]);
    expect(changeSet.rows[0]!.properties.map((p) => p.name)).toEqual(['Stages']);
  });

  it('puts the Approval stage back for Continuous Delivery', () => {
    const deployment = withPipelineOf(running, templateFor({ ...delivery, mode: 'deployment' }))!;
    const back = withPipelineOf(deployment, templateFor(delivery))!;
    expect(back).toContain('- Name: Approval');
    expect(createChangeSet(parsed(running), parsed(back)).rows).toEqual([]);
  });

  it('gives up (null) when the running template has no Pipeline block to replace', () => {
    expect(withPipelineOf('Resources:\n  Web:\n    Type: AWS::EC2::Instance\n', templateFor(delivery))).toBeNull();
  });
});
