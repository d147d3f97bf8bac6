import type { Settings } from '../world/settings';
import { DEFAULT_DEPLOY_CONFIG, DEPLOY_CONFIGS } from './deployConfigs';
import { DEFAULT_EVALUATION_PERIODS, suitesFor } from './testSuites';
import type { StackTemplate } from './types';

/** The stack's name, as the console shows it. */
export const STACK_NAME = 'shop-web';

const sub = (text: string) => ({ 'Fn::Sub': text });
const ref = (name: string) => ({ Ref: name });
const att = (resource: string, attribute: string) => ({ 'Fn::GetAtt': [resource, attribute] });
const size = (key: string) => ({ 'Fn::FindInMap': ['EnvironmentSize', ref('Environment'), key] });
const actionType = (Category: string, Provider: string) => ({ Category, Owner: 'AWS', Provider, Version: '1' });

function stages(mode: Settings['mode']): unknown[] {
  const list: unknown[] = [
    {
      Name: 'Source',
      Actions: [
        {
          Name: 'Source',
          ActionTypeId: actionType('Source', 'CodeCommit'),
          Configuration: { RepositoryName: att('SourceRepo', 'Name'), BranchName: 'main' },
          OutputArtifacts: [{ Name: 'SourceOutput' }],
        },
      ],
    },
    {
      Name: 'Build',
      Actions: [
        {
          Name: 'Build',
          ActionTypeId: actionType('Build', 'CodeBuild'),
          Configuration: { ProjectName: ref('BuildProject') },
          InputArtifacts: [{ Name: 'SourceOutput' }],
          OutputArtifacts: [{ Name: 'BuildOutput' }],
        },
      ],
    },
    {
      Name: 'Test',
      Actions: [
        {
          Name: 'Test',
          ActionTypeId: actionType('Test', 'CodeBuild'),
          Configuration: { ProjectName: ref('TestProject') },
          InputArtifacts: [{ Name: 'BuildOutput' }],
        },
      ],
    },
  ];
  if (mode === 'delivery') {
    list.push({
      Name: 'Approval',
      Actions: [
        {
          Name: 'Approve',
          ActionTypeId: actionType('Approval', 'Manual'),
          Configuration: { CustomData: 'Review the change set and the commits in this release.' },
        },
      ],
    });
  }
  if (mode === 'delivery' || mode === 'deployment') {
    list.push({
      Name: 'Deploy',
      Actions: [
        {
          Name: 'Deploy',
          ActionTypeId: actionType('Deploy', 'CodeDeploy'),
          Configuration: { ApplicationName: ref('DeployApplication'), DeploymentGroupName: ref('DeploymentGroup') },
          InputArtifacts: [{ Name: 'BuildOutput' }],
        },
      ],
    });
  }
  return list;
}

/**
 * The stack `shop-web` for a run with these settings, as data: what `templateFor(settings)` reads as
 * (a unit test holds them equal). The engine starts from this, without a YAML parser in its bundle.
 */
export function defaultTemplateObject(settings: Settings): StackTemplate {
  const mode = settings.mode;
  const resources: StackTemplate['Resources'] = {
    SourceRepo: { Type: 'AWS::CodeCommit::Repository', Properties: { RepositoryName: STACK_NAME } },
    PipelineRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: ['codepipeline.amazonaws.com', 'codebuild.amazonaws.com', 'codedeploy.amazonaws.com'] },
              Action: 'sts:AssumeRole',
            },
          ],
        },
      },
    },
    BuildProject: {
      Type: 'AWS::CodeBuild::Project',
      Properties: {
        Name: sub('${AWS::StackName}-build'),
        ServiceRole: att('PipelineRole', 'Arn'),
        Source: { Type: 'CODEPIPELINE', BuildSpec: 'buildspec.yml' },
        Artifacts: { Type: 'CODEPIPELINE' },
        Environment: { ComputeType: 'BUILD_GENERAL1_SMALL', Image: 'aws/codebuild/standard:7.0', Type: 'LINUX_CONTAINER' },
      },
    },
    TestProject: {
      Type: 'AWS::CodeBuild::Project',
      Properties: {
        Name: sub('${AWS::StackName}-test'),
        ServiceRole: att('PipelineRole', 'Arn'),
        Source: { Type: 'CODEPIPELINE', BuildSpec: 'testspec.yml' },
        Artifacts: { Type: 'CODEPIPELINE' },
        Environment: {
          ComputeType: 'BUILD_GENERAL1_MEDIUM',
          Image: 'aws/codebuild/standard:7.0',
          Type: 'LINUX_CONTAINER',
          EnvironmentVariables: [{ Name: 'TEST_SUITES', Value: suitesFor(settings.testCoverage).join(',') }],
        },
      },
    },
  };
  if (mode !== 'manual') {
    resources.Pipeline = {
      Type: 'AWS::CodePipeline::Pipeline',
      Properties: {
        Name: sub('${AWS::StackName}-pipeline'),
        RoleArn: att('PipelineRole', 'Arn'),
        ArtifactStore: { Type: 'S3', Location: sub('${AWS::StackName}-artifacts') },
        Stages: stages(mode),
      },
    };
  }
  Object.assign(resources, {
    DeployApplication: { Type: 'AWS::CodeDeploy::Application', Properties: { ApplicationName: STACK_NAME, ComputePlatform: 'Server' } },
    DeploymentGroup: {
      Type: 'AWS::CodeDeploy::DeploymentGroup',
      Properties: {
        ApplicationName: ref('DeployApplication'),
        DeploymentGroupName: sub('${AWS::StackName}-${Environment}'),
        ServiceRoleArn: att('PipelineRole', 'Arn'),
        DeploymentConfigName: DEPLOY_CONFIGS[settings.deployConfig ?? DEFAULT_DEPLOY_CONFIG].name,
        AutoScalingGroups: [ref('WebServerGroup')],
        AlarmConfiguration: { Enabled: true, Alarms: [{ Name: ref('ErrorAlarm') }] },
        AutoRollbackConfiguration: { Enabled: mode === 'deployment', Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] },
      },
    },
    ErrorAlarm: {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: {
        AlarmName: sub('${AWS::StackName}-${Environment}-errors'),
        Namespace: 'ShopWeb',
        MetricName: 'ErrorRate',
        Statistic: 'Average',
        Period: 60,
        EvaluationPeriods: settings.alarmEvaluationPeriods ?? DEFAULT_EVALUATION_PERIODS,
        Threshold: settings.alarmThreshold,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        ActionsEnabled: settings.monitoring,
      },
    },
    WebServerLaunchTemplate: {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateName: sub('${AWS::StackName}-${Environment}'),
        LaunchTemplateData: { InstanceType: size('InstanceType'), ImageId: 'ami-0shopweb2026', SecurityGroupIds: [att('WebSecurityGroup', 'GroupId')] },
      },
    },
    WebSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'HTTPS from the internet to the web servers',
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }],
      },
    },
    WebServerGroup: {
      Type: 'AWS::AutoScaling::AutoScalingGroup',
      Properties: {
        LaunchTemplate: { LaunchTemplateId: ref('WebServerLaunchTemplate'), Version: att('WebServerLaunchTemplate', 'LatestVersionNumber') },
        MinSize: size('MinSize'),
        MaxSize: size('MaxSize'),
      },
    },
    ShopDatabase: {
      Type: 'AWS::RDS::DBInstance',
      DeletionPolicy: 'Snapshot',
      Properties: { Engine: 'postgres', DBInstanceClass: { 'Fn::If': ['IsProduction', 'db.m5.large', 'db.t3.micro'] }, AllocatedStorage: 100 },
    },
  });
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `${STACK_NAME}: the shop's pipeline and its environments. Staging and production are made from this one template; only the Environment parameter differs.`,
    Parameters: {
      Environment: { Type: 'String', AllowedValues: ['staging', 'production'], Default: 'production', Description: 'Which environment this stack describes.' },
    },
    Mappings: {
      EnvironmentSize: {
        staging: { InstanceType: 't3.small', MinSize: 1, MaxSize: 2 },
        production: { InstanceType: 't3.medium', MinSize: 2, MaxSize: 6 },
      },
    },
    Conditions: { IsProduction: { 'Fn::Equals': [ref('Environment'), 'production'] } },
    Resources: resources,
    Outputs: {
      PipelineUrl: { Value: sub('https://console.aws.amazon.com/codesuite/codepipeline/pipelines/${AWS::StackName}-pipeline/view') },
    },
  };
}
