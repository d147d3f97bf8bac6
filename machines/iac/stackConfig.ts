import type { Mode } from '../world/modes';
import { DEFAULT_DEPLOY_CONFIG, deployConfigFromName, type DeployConfigName } from './deployConfigs';
import { evaluate, parameterValues } from './evaluate';
import { coverageOf, DEFAULT_EVALUATION_PERIODS } from './testSuites';
import type { StackTemplate, TemplateResource } from './types';

export { TEST_SUITES, coverageOf, DEFAULT_EVALUATION_PERIODS } from './testSuites';

export { DEPLOY_CONFIGS, DEPLOY_CONFIG_IDS, type DeployConfig, type DeployConfigName } from './deployConfigs';

/** What a template tells the run to do, read for one environment (production unless told). */
export interface StackConfig {
  mode: Mode;
  deployConfig: DeployConfigName;
  alarm: { threshold: number; evaluationPeriods: number; enabled: boolean };
  testSuites: string[];
  testCoverage: number;
  instanceType: string;
  ingressPort: number;
}

const typed = (template: StackTemplate, type: string): [string, TemplateResource][] => Object.entries(template.Resources).filter(([, r]) => r.Type === type);

function num(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : fallback;
}

/** The mode a pipeline's stages make: no pipeline is a manual release; no Deploy stage, CI. */
export function modeOfPipeline(stages: unknown): Mode {
  if (!Array.isArray(stages)) return 'manual';
  const categories = new Set<string>();
  for (const stage of stages as { Actions?: { ActionTypeId?: { Category?: string } }[] }[]) {
    for (const action of stage.Actions ?? []) if (action.ActionTypeId?.Category) categories.add(action.ActionTypeId.Category);
  }
  if (!categories.has('Deploy')) return 'ci';
  return categories.has('Approval') ? 'delivery' : 'deployment';
}

/** What the template says the run does, in production (or `environment`). */
export function configOf(template: StackTemplate, environment = 'production'): StackConfig {
  const params = parameterValues(template, { Environment: environment });
  const props = (type: string) => {
    const found = typed(template, type)[0];
    return (found ? evaluate(found[1].Properties ?? {}, template, params) : undefined) as Record<string, unknown> | undefined;
  };
  const pipeline = props('AWS::CodePipeline::Pipeline');
  const group = props('AWS::CodeDeploy::DeploymentGroup');
  const alarm = props('AWS::CloudWatch::Alarm');
  const launch = props('AWS::EC2::LaunchTemplate');
  const sg = props('AWS::EC2::SecurityGroup');
  const deployName = group?.DeploymentConfigName;
  // CodeDeploy's own default, when a group names none, is one instance at a time.
  const deployConfig =
    typeof deployName === 'string' ? (deployConfigFromName(deployName) ?? DEFAULT_DEPLOY_CONFIG) : group ? 'OneAtATime' : DEFAULT_DEPLOY_CONFIG;
  const testSuites = testSuitesOf(template, params);
  const ingress = (sg?.SecurityGroupIngress as { FromPort?: unknown }[] | undefined)?.[0];
  const data = launch?.LaunchTemplateData as { InstanceType?: unknown } | undefined;
  return {
    mode: pipeline ? modeOfPipeline(pipeline.Stages) : 'manual',
    deployConfig,
    alarm: {
      threshold: num(alarm?.Threshold, 0.05),
      evaluationPeriods: num(alarm?.EvaluationPeriods, DEFAULT_EVALUATION_PERIODS),
      enabled: alarm ? alarm.ActionsEnabled !== false && alarm.ActionsEnabled !== 'false' : false,
    },
    testSuites,
    testCoverage: coverageOf(testSuites),
    instanceType: typeof data?.InstanceType === 'string' ? data.InstanceType : '',
    ingressPort: num(ingress?.FromPort, 0),
  };
}

/** The suites the Test project runs: its TEST_SUITES environment variable, "unit,integration". */
function testSuitesOf(template: StackTemplate, params: Record<string, unknown>): string[] {
  const project = template.Resources.TestProject ?? typed(template, 'AWS::CodeBuild::Project').find(([id]) => /test/i.test(id))?.[1];
  if (!project) return [];
  const env = evaluate(project.Properties ?? {}, template, params) as { Environment?: { EnvironmentVariables?: { Name?: unknown; Value?: unknown }[] } };
  const variable = env.Environment?.EnvironmentVariables?.find((e) => e.Name === 'TEST_SUITES');
  if (typeof variable?.Value !== 'string') return [];
  return variable.Value.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
