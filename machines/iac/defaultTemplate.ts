import type { Settings } from '../world/settings';
import { DEFAULT_DEPLOY_CONFIG, DEPLOY_CONFIGS } from './deployConfigs';
import { STACK_NAME } from './defaultStack';
import { DEFAULT_EVALUATION_PERIODS, suitesFor } from './testSuites';

export { STACK_NAME, defaultTemplateObject } from './defaultStack';

function pipelineStages(mode: Settings['mode']): string {
  const source = `        - Name: Source
          Actions:
            - Name: Source
              ActionTypeId: { Category: Source, Owner: AWS, Provider: CodeCommit, Version: "1" }
              Configuration:
                RepositoryName: !GetAtt SourceRepo.Name
                BranchName: main
              OutputArtifacts: [{ Name: SourceOutput }]`;
  const build = `        - Name: Build
          Actions:
            - Name: Build
              ActionTypeId: { Category: Build, Owner: AWS, Provider: CodeBuild, Version: "1" }
              Configuration: { ProjectName: !Ref BuildProject }
              InputArtifacts: [{ Name: SourceOutput }]
              OutputArtifacts: [{ Name: BuildOutput }]`;
  const test = `        - Name: Test
          Actions:
            - Name: Test
              ActionTypeId: { Category: Test, Owner: AWS, Provider: CodeBuild, Version: "1" }
              Configuration: { ProjectName: !Ref TestProject }
              InputArtifacts: [{ Name: BuildOutput }]`;
  const approval = `        # A person approves each release: Continuous Delivery. Remove this stage for Continuous Deployment.
        - Name: Approval
          Actions:
            - Name: Approve
              ActionTypeId: { Category: Approval, Owner: AWS, Provider: Manual, Version: "1" }
              Configuration:
                CustomData: Review the change set and the commits in this release.`;
  const deploy = `        - Name: Deploy
          Actions:
            - Name: Deploy
              ActionTypeId: { Category: Deploy, Owner: AWS, Provider: CodeDeploy, Version: "1" }
              Configuration:
                ApplicationName: !Ref DeployApplication
                DeploymentGroupName: !Ref DeploymentGroup
              InputArtifacts: [{ Name: BuildOutput }]`;
  const stages = [source, build, test];
  if (mode === 'delivery') stages.push(approval);
  if (mode === 'delivery' || mode === 'deployment') stages.push(deploy);
  return stages.join('\n');
}

/**
 * The template of the stack `shop-web` for a run with these settings: the same text describes the
 * run's pipeline, its deploys, its alarm, its tests and both environments (staging and production
 * differ only by the Environment parameter). `configOf(parseTemplate(templateFor(s)))` gives back the
 * settings' mode, deploy configuration and alarm.
 */
export function templateFor(settings: Settings): string {
  const mode = settings.mode;
  const deployConfig = DEPLOY_CONFIGS[settings.deployConfig ?? DEFAULT_DEPLOY_CONFIG].name;
  const periods = settings.alarmEvaluationPeriods ?? DEFAULT_EVALUATION_PERIODS;
  const suites = suitesFor(settings.testCoverage).join(',');
  const pipeline =
    mode === 'manual'
      ? `  # Manual release: no pipeline. A release manager builds, tests and ships by hand
  # once per release interval. Add an AWS::CodePipeline::Pipeline to automate it.
`
      : `  # The pipeline itself is code: ${mode === 'ci' ? 'CI builds and tests every commit; deploys are run by hand.' : mode === 'delivery' ? 'every passing revision waits for a person at Approval.' : 'every passing revision goes to production.'}
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Name: !Sub "\${AWS::StackName}-pipeline"
      RoleArn: !GetAtt PipelineRole.Arn
      ArtifactStore: { Type: S3, Location: !Sub "\${AWS::StackName}-artifacts" }
      Stages:
${pipelineStages(mode)}

`;
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: >-
  ${STACK_NAME}: the shop's pipeline and its environments. Staging and production are
  made from this one template; only the Environment parameter differs.

Parameters:
  Environment:
    Type: String
    AllowedValues: [staging, production]
    Default: production
    Description: Which environment this stack describes.

Mappings:
  EnvironmentSize:
    staging: { InstanceType: t3.small, MinSize: 1, MaxSize: 2 }
    production: { InstanceType: t3.medium, MinSize: 2, MaxSize: 6 }

Conditions:
  IsProduction: !Equals [!Ref Environment, production]

Resources:
  SourceRepo:
    Type: AWS::CodeCommit::Repository
    Properties:
      RepositoryName: ${STACK_NAME}

  PipelineRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { Service: [codepipeline.amazonaws.com, codebuild.amazonaws.com, codedeploy.amazonaws.com] }, Action: sts:AssumeRole }

  BuildProject:
    Type: AWS::CodeBuild::Project
    Properties:
      Name: !Sub "\${AWS::StackName}-build"
      ServiceRole: !GetAtt PipelineRole.Arn
      Source: { Type: CODEPIPELINE, BuildSpec: buildspec.yml }
      Artifacts: { Type: CODEPIPELINE }
      Environment: { ComputeType: BUILD_GENERAL1_SMALL, Image: aws/codebuild/standard:7.0, Type: LINUX_CONTAINER }

  # Which suites run decides how many defects the tests catch (test coverage).
  # Suites: unit, integration, end-to-end, contract, security.
  TestProject:
    Type: AWS::CodeBuild::Project
    Properties:
      Name: !Sub "\${AWS::StackName}-test"
      ServiceRole: !GetAtt PipelineRole.Arn
      Source: { Type: CODEPIPELINE, BuildSpec: testspec.yml }
      Artifacts: { Type: CODEPIPELINE }
      Environment:
        ComputeType: BUILD_GENERAL1_MEDIUM
        Image: aws/codebuild/standard:7.0
        Type: LINUX_CONTAINER
        EnvironmentVariables:
          - { Name: TEST_SUITES, Value: "${suites}" }

${pipeline}  DeployApplication:
    Type: AWS::CodeDeploy::Application
    Properties:
      ApplicationName: ${STACK_NAME}
      ComputePlatform: Server

  # How a deploy rolls out: AllAtOnce, HalfAtATime, OneAtATime, Canary10Percent5Minutes,
  # Canary10Percent15Minutes, Linear10PercentEvery1Minute, Linear10PercentEvery3Minutes.
  DeploymentGroup:
    Type: AWS::CodeDeploy::DeploymentGroup
    Properties:
      ApplicationName: !Ref DeployApplication
      DeploymentGroupName: !Sub "\${AWS::StackName}-\${Environment}"
      ServiceRoleArn: !GetAtt PipelineRole.Arn
      DeploymentConfigName: ${deployConfig}
      AutoScalingGroups: [!Ref WebServerGroup]
      AlarmConfiguration:
        Enabled: true
        Alarms: [{ Name: !Ref ErrorAlarm }]
      AutoRollbackConfiguration:
        Enabled: ${mode === 'deployment' ? 'true' : 'false'}
        Events: [DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM]

  # The alarm that watches production's error rate (a share of requests, 0-1).
  ErrorAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      AlarmName: !Sub "\${AWS::StackName}-\${Environment}-errors"
      Namespace: ShopWeb
      MetricName: ErrorRate
      Statistic: Average
      Period: 60
      EvaluationPeriods: ${periods}
      Threshold: ${settings.alarmThreshold}
      ComparisonOperator: GreaterThanOrEqualToThreshold
      ActionsEnabled: ${settings.monitoring ? 'true' : 'false'}

  WebServerLaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateName: !Sub "\${AWS::StackName}-\${Environment}"
      LaunchTemplateData:
        InstanceType: !FindInMap [EnvironmentSize, !Ref Environment, InstanceType]
        ImageId: ami-0shopweb2026
        SecurityGroupIds: [!GetAtt WebSecurityGroup.GroupId]

  WebSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: HTTPS from the internet to the web servers
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }

  WebServerGroup:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref WebServerLaunchTemplate
        Version: !GetAtt WebServerLaunchTemplate.LatestVersionNumber
      MinSize: !FindInMap [EnvironmentSize, !Ref Environment, MinSize]
      MaxSize: !FindInMap [EnvironmentSize, !Ref Environment, MaxSize]

  ShopDatabase:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: !If [IsProduction, db.m5.large, db.t3.micro]
      AllocatedStorage: 100

Outputs:
  PipelineUrl:
    Value: !Sub "https://console.aws.amazon.com/codesuite/codepipeline/pipelines/\${AWS::StackName}-pipeline/view"
`;
}
