import * as v from 'valibot';
import { DEPLOY_CONFIG_NAMES } from './deployConfigs';
import type { TemplateProblem } from './types';

/**
 * What each resource type may hold, as valibot schemas: the properties the simulation reads are
 * checked (type, range, allowed words); other properties pass, as CloudFormation has hundreds.
 * Wherever a value may be written, an intrinsic function ({ Ref }, { "Fn::Sub" } ...) may stand in.
 * Messages read "expected a number between 0 and 1, got "high""; `./parse.ts` puts the path in front.
 */

type Positions = Map<string, { line: number; column: number }>;

/** `{ Ref: x }`, `{ Condition: x }` or `{ "Fn::Name": ... }`: one key, the function's. */
export function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]!.startsWith('Fn::'));
}

/** A value as a message shows it: "high", 12, a list, a map. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return String(value);
}

const got = (issue: { input: unknown }) => `got ${shown(issue.input)}`;

function number(min: number, max: number, integer = false) {
  const what = `${integer ? 'a whole number' : 'a number'} between ${min} and ${max}`;
  return v.custom<unknown>(
    (x) => {
      if (isIntrinsic(x)) return true;
      const n = typeof x === 'string' && /^-?\d+(\.\d+)?$/.test(x.trim()) ? Number(x) : x;
      return typeof n === 'number' && Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n));
    },
    (issue) => `expected ${what}, ${got(issue)}`,
  );
}

const text = v.custom<unknown>(
  (x) => isIntrinsic(x) || (typeof x === 'string' && x.length > 0) || typeof x === 'number',
  (issue) => `expected text, ${got(issue)}`,
);

const bool = v.custom<unknown>(
  (x) => isIntrinsic(x) || typeof x === 'boolean' || x === 'true' || x === 'false',
  (issue) => `expected true or false, ${got(issue)}`,
);

function oneOf(words: readonly string[]) {
  const list = words.length > 6 ? `${words.slice(0, 6).join(', ')} ...` : words.join(', ');
  return v.custom<unknown>(
    (x) => isIntrinsic(x) || (typeof x === 'string' && words.includes(x)),
    (issue) => `expected one of ${list}, ${got(issue)}`,
  );
}

function list<T extends v.GenericSchema>(item: T, min = 0) {
  return v.pipe(
    v.array(item, (issue) => `expected a list, ${got(issue)}`),
    v.minLength(min, `expected at least ${min} ${min === 1 ? 'item' : 'items'}`),
  );
}

function map<T extends v.ObjectEntries>(entries: T) {
  return v.looseObject(entries, (issue) => `expected a map, ${got(issue)}`);
}

const required = (what: string) => `${what} is required`;

export const INSTANCE_TYPES = [
  't3.nano',
  't3.micro',
  't3.small',
  't3.medium',
  't3.large',
  't3.xlarge',
  'm5.large',
  'm5.xlarge',
  'm5.2xlarge',
  'c5.large',
  'c5.xlarge',
] as const;

export const COMPUTE_TYPES = ['BUILD_GENERAL1_SMALL', 'BUILD_GENERAL1_MEDIUM', 'BUILD_GENERAL1_LARGE'] as const;
export const ACTION_CATEGORIES = ['Source', 'Build', 'Test', 'Approval', 'Deploy', 'Invoke'] as const;
const COMPARISONS = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'] as const;

const action = map({
  Name: v.pipe(v.unknown(), text),
  ActionTypeId: map({
    Category: v.pipe(v.unknown(), oneOf(ACTION_CATEGORIES)),
    Owner: v.pipe(v.unknown(), oneOf(['AWS', 'ThirdParty', 'Custom'])),
    Provider: v.pipe(v.unknown(), text),
    Version: v.pipe(v.unknown(), text),
  }),
  Configuration: v.optional(map({})),
  RunOrder: v.optional(v.pipe(v.unknown(), number(1, 999, true))),
});

const stage = map({ Name: v.pipe(v.unknown(), text), Actions: list(action, 1) });

const environmentVariable = map({ Name: v.pipe(v.unknown(), text), Value: v.pipe(v.unknown(), text), Type: v.optional(v.pipe(v.unknown(), text)) });

const ingress = map({
  IpProtocol: v.pipe(v.unknown(), text),
  FromPort: v.optional(v.pipe(v.unknown(), number(-1, 65535, true))),
  ToPort: v.optional(v.pipe(v.unknown(), number(-1, 65535, true))),
  CidrIp: v.optional(v.pipe(v.unknown(), text)),
});

/** Properties per resource type, for the types the simulation reads. */
export const RESOURCE_SCHEMAS: Record<string, v.GenericSchema> = {
  'AWS::CodeCommit::Repository': map({ RepositoryName: v.pipe(v.unknown(), text) }),
  'AWS::CodeBuild::Project': map({
    Name: v.optional(v.pipe(v.unknown(), text)),
    ServiceRole: v.pipe(v.unknown(), text),
    Source: map({ Type: v.pipe(v.unknown(), text) }),
    Artifacts: map({ Type: v.pipe(v.unknown(), text) }),
    Environment: map({
      ComputeType: v.pipe(v.unknown(), oneOf(COMPUTE_TYPES)),
      Image: v.pipe(v.unknown(), text),
      Type: v.pipe(v.unknown(), text),
      EnvironmentVariables: v.optional(list(environmentVariable)),
    }),
  }),
  'AWS::CodePipeline::Pipeline': map({
    Name: v.optional(v.pipe(v.unknown(), text)),
    RoleArn: v.pipe(v.unknown(), text),
    Stages: list(stage, 2),
  }),
  'AWS::CodeDeploy::Application': map({ ApplicationName: v.optional(v.pipe(v.unknown(), text)) }),
  'AWS::CodeDeploy::DeploymentGroup': map({
    ApplicationName: v.pipe(v.unknown(), text),
    ServiceRoleArn: v.pipe(v.unknown(), text),
    DeploymentGroupName: v.optional(v.pipe(v.unknown(), text)),
    DeploymentConfigName: v.optional(v.pipe(v.unknown(), oneOf(DEPLOY_CONFIG_NAMES))),
    AlarmConfiguration: v.optional(map({ Enabled: v.optional(v.pipe(v.unknown(), bool)) })),
    AutoRollbackConfiguration: v.optional(map({ Enabled: v.optional(v.pipe(v.unknown(), bool)) })),
  }),
  'AWS::CloudWatch::Alarm': map({
    AlarmName: v.optional(v.pipe(v.unknown(), text)),
    MetricName: v.pipe(v.unknown(), text),
    Namespace: v.pipe(v.unknown(), text),
    Statistic: v.optional(v.pipe(v.unknown(), oneOf(['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount']))),
    Period: v.optional(v.pipe(v.unknown(), number(10, 86400, true))),
    EvaluationPeriods: v.pipe(v.unknown(), number(1, 10, true)),
    Threshold: v.pipe(v.unknown(), number(0, 1)),
    ComparisonOperator: v.pipe(v.unknown(), oneOf(COMPARISONS)),
    ActionsEnabled: v.optional(v.pipe(v.unknown(), bool)),
  }),
  'AWS::EC2::LaunchTemplate': map({
    LaunchTemplateName: v.optional(v.pipe(v.unknown(), text)),
    LaunchTemplateData: map({ InstanceType: v.pipe(v.unknown(), oneOf(INSTANCE_TYPES)), ImageId: v.optional(v.pipe(v.unknown(), text)) }),
  }),
  'AWS::EC2::SecurityGroup': map({
    GroupDescription: v.pipe(v.unknown(), text),
    SecurityGroupIngress: v.optional(list(ingress)),
  }),
  'AWS::AutoScaling::AutoScalingGroup': map({
    MinSize: v.pipe(v.unknown(), number(0, 100, true)),
    MaxSize: v.pipe(v.unknown(), number(0, 100, true)),
    DesiredCapacity: v.optional(v.pipe(v.unknown(), number(0, 100, true))),
  }),
  'AWS::RDS::DBInstance': map({
    Engine: v.pipe(v.unknown(), text),
    DBInstanceClass: v.pipe(v.unknown(), text),
    AllocatedStorage: v.optional(v.pipe(v.unknown(), number(20, 65536, true))),
  }),
  'AWS::IAM::Role': map({ AssumeRolePolicyDocument: v.unknown() }),
};

const resource = v.looseObject(
  {
    Type: v.custom<string>(
      (x) => typeof x === 'string' && /^(AWS|Custom)::[A-Za-z0-9]+(::[A-Za-z0-9]+)?$/.test(x),
      (issue) => `expected a resource type like AWS::EC2::SecurityGroup, ${got(issue)}`,
    ),
    Properties: v.optional(v.looseObject({}, (issue) => `expected a map of properties, ${got(issue)}`)),
    DependsOn: v.optional(v.union([v.string(), v.array(v.string())], (issue) => `expected a resource name or a list of them, ${got(issue)}`)),
    Condition: v.optional(v.string((issue) => `expected a condition name, ${got(issue)}`)),
  },
  (issue) => `expected a resource (a map with Type and Properties), ${got(issue)}`,
);

const parameter = v.looseObject(
  {
    Type: v.picklist(
      ['String', 'Number', 'List<Number>', 'CommaDelimitedList', 'AWS::EC2::KeyPair::KeyName'],
      (issue) => `expected a parameter type such as String or Number, ${got(issue)}`,
    ),
    AllowedValues: v.optional(v.array(v.unknown(), (issue) => `expected a list, ${got(issue)}`)),
  },
  (issue) => `expected a parameter (a map with Type), ${got(issue)}`,
);

const template = v.looseObject(
  {
    AWSTemplateFormatVersion: v.optional(v.literal('2010-09-09', (issue) => `expected "2010-09-09", ${got(issue)}`)),
    Description: v.optional(v.string((issue) => `expected text, ${got(issue)}`)),
    Parameters: v.optional(v.record(v.string(), parameter, (issue) => `expected a map of parameters, ${got(issue)}`)),
    Conditions: v.optional(v.record(v.string(), v.unknown(), (issue) => `expected a map of conditions, ${got(issue)}`)),
    Mappings: v.optional(v.record(v.string(), v.unknown(), (issue) => `expected a map of mappings, ${got(issue)}`)),
    Outputs: v.optional(v.record(v.string(), v.unknown(), (issue) => `expected a map of outputs, ${got(issue)}`)),
    Resources: v.pipe(
      v.record(v.string(), resource, (issue) => `expected a map of resources, ${got(issue)}`),
      v.check((r) => Object.keys(r).length > 0, 'a template needs at least one resource'),
    ),
  },
  (issue) => `a template is a map with Resources, ${got(issue)}`,
);

/** Parameters CloudFormation always knows. */
const PSEUDO_PARAMETERS = new Set([
  'AWS::Region',
  'AWS::AccountId',
  'AWS::StackName',
  'AWS::StackId',
  'AWS::Partition',
  'AWS::URLSuffix',
  'AWS::NoValue',
  'AWS::NotificationARNs',
]);

type Path = (string | number)[];

function dotted(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

/** The nearest place the text has for `path` (its own, or its closest parent's). */
function placeOf(path: Path, positions: Positions): { line: number; column: number } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const at = positions.get(dotted(path.slice(0, n)));
    if (at) return at;
  }
  return undefined;
}

function problem(path: Path, message: string, positions: Positions): TemplateProblem {
  const at = placeOf(path, positions);
  return { message: path.length > 0 ? `${dotted(path)}: ${message}` : message, ...(path.length > 0 ? { path: dotted(path) } : {}), ...(at ?? {}) };
}

function issuePath(issue: v.BaseIssue<unknown>): Path {
  return (issue.path ?? []).map((item) => item.key as string | number);
}

/**
 * Everything wrong with the template's shape, first problems first (at most ten): the template's
 * sections, each resource against its type, and every Ref or GetAtt naming something that exists.
 */
export function templateProblems(value: unknown, positions: Positions): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [problem([], `a template is a map with Resources, got ${shown(value)}`, positions)];
  }
  const top = v.safeParse(template, value);
  if (!top.success) {
    for (const issue of top.issues.slice(0, 10)) problems.push(problem(issuePath(issue), missingOr(issue), positions));
    return problems;
  }
  const t = value as { Resources: Record<string, { Type: string; Properties?: unknown }>; Parameters?: Record<string, unknown> };
  for (const [id, res] of Object.entries(t.Resources)) {
    const schema = RESOURCE_SCHEMAS[res.Type];
    if (!schema) continue;
    const result = v.safeParse(schema, res.Properties ?? {});
    if (!result.success) {
      for (const issue of result.issues) {
        if (problems.length >= 10) break;
        problems.push(problem(['Resources', id, 'Properties', ...issuePath(issue)], missingOr(issue), positions));
      }
    }
  }
  if (problems.length > 0) return problems;
  const names = new Set([...Object.keys(t.Resources), ...Object.keys(t.Parameters ?? {}), ...PSEUDO_PARAMETERS]);
  findReferences(t.Resources, ['Resources'], (path, name, kind) => {
    if (problems.length >= 10) return;
    if (kind === 'Ref' && !names.has(name)) problems.push(problem(path, `!Ref names "${name}", which is neither a resource nor a parameter`, positions));
    if (kind === 'GetAtt' && !(name in t.Resources)) problems.push(problem(path, `!GetAtt names "${name}", which is not a resource`, positions));
  });
  return problems;
}

/** A missing required value reads "is required", not "expected text, got nothing". */
function missingOr(issue: v.BaseIssue<unknown>): string {
  if (issue.input === undefined && issue.path && issue.path.length > 0) return required('this property');
  return issue.message;
}

function findReferences(value: unknown, path: Path, found: (path: Path, name: string, kind: 'Ref' | 'GetAtt') => void): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => findReferences(item, [...path, i], found));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (typeof record.Ref === 'string' && Object.keys(record).length === 1) found(path, record.Ref, 'Ref');
  const att = record['Fn::GetAtt'];
  if (Array.isArray(att) && typeof att[0] === 'string') found(path, att[0], 'GetAtt');
  for (const [key, item] of Object.entries(record)) findReferences(item, [...path, key], found);
}
