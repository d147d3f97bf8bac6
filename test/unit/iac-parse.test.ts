import { describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_DEPTH, parseTemplate, type TemplateParse } from '@/machines/iac/parse';
import { defaultTemplateObject, templateFor } from '@/machines/iac/defaultTemplate';
import { configOf } from '@/machines/iac/stackConfig';
import { MODES } from '@/machines/world/modes';
import { defaultSettings } from '@/machines/world/settings';

const problems = (r: TemplateParse) => (r.ok ? [] : r.problems);
const okTemplate = (r: TemplateParse) => {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  return r.template;
};

const ALARM = (extra = '') => `Resources:
  ErrorAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Namespace: ShopWeb
      MetricName: ErrorRate
      EvaluationPeriods: 3
      ComparisonOperator: GreaterThanOrEqualToThreshold
      Threshold: 0.05${extra}
`;

describe('parsing a CloudFormation template', () => {
  it('reads every short tag into its long form', () => {
    const text = `Parameters:
  Env: { Type: String }
Conditions:
  Prod: !Equals [!Ref Env, production]
  NotProd: !Not [!Condition Prod]
  Both: !And [!Condition Prod, !Or [!Condition Prod, !Condition NotProd]]
Resources:
  Group:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: !Sub "\${Env}-web"
      VpcId: !ImportValue shared-vpc
      Tags:
        - { Key: a, Value: !GetAtt Group.GroupId }
        - { Key: b, Value: !GetAtt [Group, GroupId] }
        - { Key: c, Value: !If [Prod, yes, no] }
        - { Key: d, Value: !Join ["-", [a, b]] }
        - { Key: e, Value: !Select [0, !GetAZs ""] }
        - { Key: f, Value: !Select [0, !Split [",", "a,b"]] }
        - { Key: g, Value: !FindInMap [M, a, b] }
        - { Key: h, Value: !Base64 text }
        - { Key: i, Value: !Select [0, !Cidr ["10.0.0.0/16", 4, 8]] }
`;
    const t = okTemplate(parseTemplate(text));
    expect(t.Conditions).toEqual({
      Prod: { 'Fn::Equals': [{ Ref: 'Env' }, 'production'] },
      NotProd: { 'Fn::Not': [{ Condition: 'Prod' }] },
      Both: { 'Fn::And': [{ Condition: 'Prod' }, { 'Fn::Or': [{ Condition: 'Prod' }, { Condition: 'NotProd' }] }] },
    });
    const props = t.Resources.Group!.Properties!;
    expect(props.GroupDescription).toEqual({ 'Fn::Sub': '${Env}-web' });
    expect(props.VpcId).toEqual({ 'Fn::ImportValue': 'shared-vpc' });
    const values = (props.Tags as { Value: unknown }[]).map((tag) => tag.Value);
    expect(values).toEqual([
      { 'Fn::GetAtt': ['Group', 'GroupId'] },
      { 'Fn::GetAtt': ['Group', 'GroupId'] },
      { 'Fn::If': ['Prod', 'yes', 'no'] },
      { 'Fn::Join': ['-', ['a', 'b']] },
      { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
      { 'Fn::Select': [0, { 'Fn::Split': [',', 'a,b'] }] },
      { 'Fn::FindInMap': ['M', 'a', 'b'] },
      { 'Fn::Base64': 'text' },
      { 'Fn::Select': [0, { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] }] },
    ]);
  });

  it('reads JSON as well as YAML, to the same template', () => {
    const yaml = okTemplate(parseTemplate(ALARM()));
    const json = okTemplate(parseTemplate(JSON.stringify(yaml, null, 2)));
    expect(json).toEqual(yaml);
  });

  it('reads the default template of every mode as the object the engine starts from', () => {
    for (const mode of MODES) {
      for (const change of [
        {},
        { testCoverage: 0.5, alarmThreshold: 0.1, monitoring: false, deployConfig: 'Canary10Percent5Minutes' as const, alarmEvaluationPeriods: 5 },
      ]) {
        const settings = { ...defaultSettings(mode), ...change };
        const t = okTemplate(parseTemplate(templateFor(settings)));
        expect(t).toEqual(defaultTemplateObject(settings));
        const config = configOf(t);
        expect(config.mode).toBe(mode);
        expect(config.alarm).toEqual({
          threshold: settings.alarmThreshold,
          evaluationPeriods: settings.alarmEvaluationPeriods ?? 3,
          enabled: settings.monitoring,
        });
        expect(config.deployConfig).toBe(settings.deployConfig ?? 'AllAtOnce');
      }
    }
  });
});

describe('problems, in words, at their line and column', () => {
  it('a value of the wrong kind names its path, what was expected and what was given', () => {
    const text = ALARM().replace('Threshold: 0.05', 'Threshold: high');
    expect(problems(parseTemplate(text))).toEqual([
      {
        message: 'Resources.ErrorAlarm.Properties.Threshold: expected a number between 0 and 1, got "high"',
        path: 'Resources.ErrorAlarm.Properties.Threshold',
        line: 9,
        column: 18,
      },
    ]);
  });

  it('the same problem in JSON is found at its place in the JSON text', () => {
    const json = JSON.stringify(okTemplate(parseTemplate(ALARM())), null, 2).replace('"Threshold": 0.05', '"Threshold": "high"');
    const [problem] = problems(parseTemplate(json));
    const lines = json.split('\n');
    const line = lines.findIndex((l) => l.includes('"high"')) + 1;
    expect(problem).toMatchObject({ path: 'Resources.ErrorAlarm.Properties.Threshold', line, column: lines[line - 1]!.indexOf('"high"') + 1 });
  });

  it('a missing property, an unknown stage category, a bad list and an unknown reference each say so', () => {
    expect(problems(parseTemplate(ALARM().replace('      Namespace: ShopWeb\n', '')))[0]?.message).toBe(
      'Resources.ErrorAlarm.Properties.Namespace: this property is required',
    );
    const pipeline = `Resources:
  P:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: arn
      Stages:
        - Name: Source
          Actions: [{ Name: S, ActionTypeId: { Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1" } }]
        - Name: Ship
          Actions: [{ Name: S, ActionTypeId: { Category: Teleport, Owner: AWS, Provider: X, Version: "1" } }]
`;
    expect(problems(parseTemplate(pipeline))[0]).toMatchObject({
      message:
        'Resources.P.Properties.Stages[1].Actions[0].ActionTypeId.Category: expected one of Source, Build, Test, Approval, Deploy, Invoke, got "Teleport"',
      line: 10,
    });
    expect(problems(parseTemplate(ALARM('\n      AlarmActions: [!Ref Topic]')))[0]?.message).toBe(
      'Resources.ErrorAlarm.Properties.AlarmActions[0]: !Ref names "Topic", which is neither a resource nor a parameter',
    );
  });

  it('broken YAML gives the parser’s message at its line and column', () => {
    const [problem] = problems(parseTemplate('Resources:\n  A:\n    Type: [AWS::EC2::SecurityGroup\n'));
    expect(problem?.line).toBeGreaterThanOrEqual(3);
    expect(problem?.column).toBeGreaterThanOrEqual(1);
    expect(problem?.message).toMatch(/\w/);
  });

  it('an unknown tag, a non-template and an empty text are problems, not exceptions', () => {
    expect(problems(parseTemplate('Resources:\n  A: !Teleport x\n'))[0]).toMatchObject({
      message: expect.stringMatching(/^Resources\.A: unknown tag !Teleport/),
      path: 'Resources.A',
      line: 2,
    });
    expect(problems(parseTemplate('- just\n- a list\n'))[0]?.message).toMatch(/a template is a map with Resources/);
    expect(problems(parseTemplate('Resources: {}\n'))[0]?.message).toMatch(/at least one resource/);
    expect(problems(parseTemplate('   \n'))[0]?.message).toBe('the template is empty');
  });
});

describe('guards against hostile text', () => {
  const quick = (text: string) => {
    // Timed warm: the first parse of a run loads and compiles the parser, which is not the guard's cost.
    parseTemplate(ALARM());
    const start = performance.now();
    const result = parseTemplate(text);
    return { result, ms: performance.now() - start };
  };

  it('rejects a billion-laughs document quickly, with a message', () => {
    const names = 'abcdefghij';
    let text = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
    for (let i = 1; i < names.length; i++)
      text += `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(',')}]\n`;
    text += 'Resources: *j\n';
    const { result, ms } = quick(text);
    expect(problems(result)[0]?.message).toMatch(new RegExp(`more than ${MAX_ALIASES} aliases`));
    expect(problems(result)[0]?.line).toBeGreaterThan(0);
    expect(ms).toBeLessThan(100);
  });

  it('rejects 5,000-deep nesting (flow, block lists) and deep indentation quickly, with a message and a line', () => {
    const flow = `Resources: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const block = `Resources:\n${Array.from({ length: 5000 }, () => '- ').join('')}x\n`;
    // Indentation 5,000 deep would need megabytes; 100 levels are past the limit already.
    const indented = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    for (const text of [flow, block, indented]) {
      const { result, ms } = quick(text);
      const [problem] = problems(result);
      expect(problem?.message).toMatch(new RegExp(`deeper than ${MAX_DEPTH} levels`));
      expect(problem?.line).toBeGreaterThan(0);
      expect(ms).toBeLessThan(100);
    }
  });

  it('rejects text over 256 KB', () => {
    const text = ALARM() + `      Description: "${'x'.repeat(300 * 1024)}"\n`;
    expect(problems(parseTemplate(text))[0]?.message).toBe('the template is larger than 256 KB');
  });

  it('refuses keys that would reach an object’s prototype, and leaves Object.prototype alone', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const [problem] = problems(parseTemplate(ALARM(`\n      ${key}: { polluted: true }`)));
      expect(problem).toMatchObject({ message: `Resources.ErrorAlarm.Properties.${key}: the key "${key}" is not allowed`, line: 10, column: 7 });
      const json = `{"Resources": {"A": {"Type": "AWS::S3::Bucket", "Properties": {"${key}": {"polluted": true}}}}}`;
      expect(problems(parseTemplate(json))[0]?.message).toMatch(/is not allowed/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
