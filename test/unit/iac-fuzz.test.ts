import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '@/machines/engine/simulation';
import { parseTemplate } from '@/machines/iac/parse';
import type { StackTemplate } from '@/machines/iac/types';
import { defaultSettings } from '@/machines/world/settings';

/**
 * 10,000 malformed or mutated templates: the parser never throws, every refusal is a message (with
 * a line wherever the text has one), and a running simulation handed a broken template keeps its stack.
 */

const SMALL = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Environment: { Type: String, AllowedValues: [staging, production], Default: production }
Resources:
  ErrorAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: !Sub "\${AWS::StackName}-errors"
      Namespace: ShopWeb
      MetricName: ErrorRate
      EvaluationPeriods: 3
      Threshold: 0.05
      ComparisonOperator: GreaterThanOrEqualToThreshold
      ActionsEnabled: true
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      RoleArn: !GetAtt Role.Arn
      Stages:
        - Name: Source
          Actions: [{ Name: S, ActionTypeId: { Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1" } }]
        - Name: Deploy
          Actions:
            - Name: D
              ActionTypeId: { Category: Deploy, Owner: AWS, Provider: CodeDeploy, Version: "1" }
              Configuration: { ApplicationName: !Ref Role, Items: &items [a, b, c], Again: *items }
  Role:
    Type: AWS::IAM::Role
    Properties: { AssumeRolePolicyDocument: {} }
`;

const YAML_BITS = [
  '\n',
  ' ',
  '  ',
  ':',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '!',
  '!Ref ',
  '!GetAtt ',
  '!Sub ',
  '&a ',
  '*a',
  '#',
  '"',
  "'",
  '|',
  '>',
  '?',
  '%',
  '@',
  '`',
  '\t',
  '__proto__',
  'constructor',
  '0x1F',
  '.inf',
  '~',
  'null',
  '\u0000',
  '\uFEFF',
];

const mutation = fc.oneof(
  // Delete a span.
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  // Insert YAML's own punctuation somewhere.
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.array(fc.constantFrom(...YAML_BITS), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
  }),
  // Insert arbitrary text.
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 12 }) }),
  // Duplicate, drop or re-indent a line.
  fc.record({ kind: fc.constant('line' as const), at: fc.nat(), how: fc.constantFrom('duplicate', 'drop', 'indent', 'dedent') }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  if (m.kind === 'delete') {
    const at = m.at % text.length;
    return text.slice(0, at) + text.slice(at + m.length);
  }
  if (m.kind === 'insert') {
    const at = m.at % (text.length + 1);
    return text.slice(0, at) + m.text + text.slice(at);
  }
  const lines = text.split('\n');
  const i = m.at % lines.length;
  if (m.how === 'duplicate') lines.splice(i, 0, lines[i]!);
  else if (m.how === 'drop') lines.splice(i, 1);
  else if (m.how === 'indent') lines[i] = ` ${lines[i]}`;
  else lines[i] = lines[i]!.replace(/^ /, '');
  return lines.join('\n');
}

/** Every refusal is a sentence; a line and column wherever the text has a place for it. */
function checkProblems(text: string): boolean {
  const result = parseTemplate(text);
  if (result.ok) return true;
  expect(result.problems.length).toBeGreaterThan(0);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const problem of result.problems) {
    expect(typeof problem.message).toBe('string');
    expect(problem.message.length).toBeGreaterThan(5);
    const placeless = /is empty|larger than|must be text/.test(problem.message);
    if (!placeless) {
      expect(problem.line, problem.message).toBeGreaterThanOrEqual(1);
      expect(problem.line!).toBeLessThanOrEqual(lines + 1);
      expect(problem.column).toBeGreaterThanOrEqual(1);
    }
  }
  return false;
}

// About 10 s on an idle machine; the bound leaves room for a loaded one.
describe('fuzzing the template parser and the running stack', { timeout: 180_000 }, () => {
  it('6,000 mutated templates: no exception, each refusal a message at a line', () => {
    let refused = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        const text = ms.reduce(mutate, SMALL);
        if (!checkProblems(text)) refused++;
      }),
      { numRuns: 6000, seed: 12 },
    );
    // The mutations do break templates (the property is not passing on untouched text).
    expect(refused).toBeGreaterThan(3000);
  });

  it('3,000 arbitrary texts and JSON values: no exception, each refusal a message', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.jsonValue({ maxDepth: 6 }).map((j) => JSON.stringify(j, null, 1) ?? ''),
          fc.jsonValue({ maxDepth: 4 }).map((j) => JSON.stringify({ Resources: { A: { Type: 'AWS::CloudWatch::Alarm', Properties: j } } })),
          fc.array(fc.constantFrom(...YAML_BITS, 'Resources', 'Type', 'AWS::EC2::SecurityGroup', 'x'), { maxLength: 60 }).map((a) => a.join('')),
        ),
        (text) => {
          checkProblems(text);
        },
      ),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('1,000 broken template objects handed to a running simulation: each refused, the stack unchanged', () => {
    const sim = new Simulation({ ...defaultSettings('delivery', 2), days: 5 }, { stages: 'direct' });
    sim.advanceTo(9 * 60);
    const base = sim.stack.template;
    const paths = (() => {
      const out: string[][] = [];
      const walk = (v: unknown, path: string[]) => {
        if (path.length > 0) out.push(path);
        if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
      };
      walk(base.Resources, ['Resources']);
      return out;
    })();
    const bad = fc.oneof(
      fc.constant('high'),
      fc.constant(-1),
      fc.constant(null),
      fc.constant([]),
      fc.constant({}),
      fc.constant('AWS::Nope'),
      fc.double(),
      fc.string({ maxLength: 5 }),
    );
    let refused = 0;
    fc.assert(
      fc.property(fc.nat(), bad, (i, value) => {
        const template = structuredClone(base) as StackTemplate;
        const path = paths[i % paths.length]!;
        let at: Record<string, unknown> = template as unknown as Record<string, unknown>;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
        at[path[path.length - 1]!] = value;
        const before = JSON.stringify(sim.stack);
        const logLength = sim.log.length;
        const result = sim.executeStack(JSON.stringify(template), template, 'Fuzz');
        // Some values are fine where they land (any text is a BuildSpec): those are commits, as they should be.
        if (result.ok) return;
        refused++;
        for (const p of result.problems) expect(p.message.length).toBeGreaterThan(5);
        expect(JSON.stringify(sim.stack)).toBe(before);
        expect(sim.log.length).toBe(logLength);
      }),
      { numRuns: 1000, seed: 14 },
    );
    expect(refused).toBeGreaterThan(300);
  });
});
