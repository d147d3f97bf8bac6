import type { Lesson } from '../types';

/** Lesson 1: one commit's trip from push to production, stage by stage. */
export const anatomy: Lesson = {
  slug: 'anatomy-of-a-pipeline',
  title: 'Anatomy of a pipeline',
  idea: 'AWS CodePipeline',
  summary: 'Follow one commit from push to production through CodeCommit, CodeBuild, the tests and CodeDeploy.',
  minutes: 6,
  objectives: [
    'Name the stages of an AWS pipeline and the service behind each: CodeCommit, CodeBuild, the test action, CodeDeploy.',
    'Say what CodePipeline does: it starts an execution for every push and moves it from stage to stage without anyone carrying it.',
    'Tell where a person still decides in Continuous Delivery: the manual approval before production.',
  ],
  start: { settings: { mode: 'delivery', seed: 6, approver: 'learner' }, speed: 5, startAt: 8 * 60 + 50 },
  steps: [
    {
      id: 'push',
      title: 'A developer pushes',
      instruction:
        'It is Monday, 08:50. Press Play and watch the Source stage on the left: when a developer pushes a commit to the CodeCommit repository, CodePipeline starts an execution that carries it.',
      goal: { text: 'A commit arrives in CodeCommit', when: { event: 'execution.started' }, needsAction: false, within: 4 * 60 },
      hints: ['Press Play (or Space). The run stops by itself when the first commit arrives.'],
      outcome: 'CodePipeline noticed the push and started an execution for it. From here on, no one carries this commit by hand.',
    },
    {
      id: 'build',
      title: 'CodeBuild compiles it',
      instruction:
        'Play on and watch the Build stage. CodeBuild checks out this revision, compiles it and packages what will later be deployed. A revision that does not compile stops here.',
      goal: { text: 'The revision passes Build', when: { event: 'stage.succeeded', where: { stage: 'build' } }, needsAction: false, within: 2 * 60 },
      hints: ['Press Play. Click the Build stage to open its inspector and see what it is doing.'],
      outcome: 'It compiled. CodePipeline hands the build output (the artifact) to the test action.',
    },
    {
      id: 'test',
      title: 'The tests run',
      instruction: 'The Test stage runs the automated tests against the build. They catch some hidden defects, not all: how many depends on the test coverage.',
      prediction: {
        kind: 'number',
        question: 'Build took a few minutes. How many minutes will the tests take?',
        measure: 'stageMinutes',
        unit: 'minutes',
        min: 0,
        max: 120,
      },
      goal: { text: 'The revision passes Test', when: { event: 'stage.succeeded', where: { stage: 'test' } }, needsAction: false, within: 2 * 60 },
      hints: ['Press Play and watch the Test stage fill and turn green.', 'Tests usually take longer than a build: they start the service and try it.'],
      outcome: 'The tests passed. In Continuous Delivery the revision now stops at a manual approval: a person decides when it goes to production.',
    },
    {
      id: 'approve',
      title: 'You approve the release',
      instruction:
        'The revision waits at Approval, and you are the approver. Look at what it would ship (the stage says how many commits), then approve it with the Approve button or the A key.',
      goal: {
        text: 'Approve the revision waiting at Approval',
        when: { event: 'approval.granted', where: { by: 'You' } },
        needsAction: true,
        within: 2 * 60,
      },
      hints: [
        'The decision panel under the pipeline has the Approve button; the A key does the same.',
        'Nothing moves on while nobody decides: waiting at Approval adds to every commit’s lead time.',
      ],
      pauseAt: [{ event: 'approval.requested' }],
      outcome: 'Approved. CodePipeline moves the revision on to the Deploy stage, where CodeDeploy takes over.',
    },
    {
      id: 'deploy',
      title: 'CodeDeploy ships it',
      instruction: 'CodeDeploy installs the revision on the production servers. When it finishes, the commit runs for customers: its lead time ends there.',
      prediction: {
        kind: 'number',
        question: 'How many commits will this deployment carry to production?',
        measure: 'batch',
        unit: 'commits',
        min: 0,
        max: 50,
      },
      goal: { text: 'The revision runs in production', when: { event: 'deploy.succeeded' }, needsAction: false, within: 2 * 60 },
      hints: ['Press Play and watch the Deploy stage; Production on the right shows the running revision.'],
      outcome: 'The revision runs in production. One push, five stages, one approval: everything else was automated.',
    },
  ],
  solution: [{ step: 'approve', at: 9 * 60 + 30, do: 'approve' }],
  debrief: {
    compare: ['leadTimeMean', 'approvalWaitMedian', 'deployments'],
    takeaway:
      'A pipeline is a row of automated stages that CodePipeline runs for every push; in Continuous Delivery one person decides, once, before production.',
  },
  questions: [
    'Which of these stages did someone do by hand in your last job?',
    'What would you want the tests to check before anything reaches Approval?',
    'Who should the approver be, and what should they look at before they click?',
  ],
};
