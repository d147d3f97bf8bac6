import type { Lesson } from '../types';

/**
 * Lesson 9: the pipeline and its environments are a CloudFormation template. Taking the Approval
 * stage out of the template turns Continuous Delivery into Continuous Deployment; a hand change to
 * production is drift, found by Detect drift and put right by applying the template again.
 */
export const infrastructureAsCode: Lesson = {
  slug: 'infrastructure-as-code',
  title: 'Infrastructure as Code',
  idea: 'Infrastructure as Code',
  summary:
    'The pipeline is code too: remove the Approval stage from its CloudFormation template and watch a commit reach production unapproved. Then someone changes production by hand; find the drift and put it right.',
  minutes: 10,
  objectives: [
    'Read the stack shop-web as a CloudFormation template: the pipeline’s stages, the deployment group, the alarm and the environments are resources in one file.',
    'Change the pipeline by changing its template: review the change set (what is added, modified or removed, and whether it is replaced) before executing it.',
    'Explain drift: a change made by hand in the console that the template does not know, found by drift detection and removed by applying the template again.',
  ],
  start: { settings: { mode: 'delivery', seed: 1, approver: 'learner' }, speed: 15, startAt: 9 * 60 },
  steps: [
    {
      id: 'remove-approval',
      title: 'Take the gate out of the template',
      instruction:
        'It is Monday, 09:00. Open the Infrastructure tab: the stack shop-web describes this run. In the Pipeline resource, delete the Approval stage (the “- Name: Approval” item, the lines under it and the comment above it). Create the change set, read it, then execute it.',
      goal: {
        text: 'Execute a change set that removes the Approval stage',
        when: { event: 'infra.commit', where: { by: 'You' } },
        needsAction: true,
        within: 30,
      },
      hints: [
        'The Infrastructure tab is beside Pipeline, Monitoring and Team.',
        'Delete the lines from “- Name: Approval” down to the line before “- Name: Deploy”, then press Create change set and Execute change set.',
      ],
      outcome:
        'The change set modifies one resource, the Pipeline, in place. In Continuous Delivery a template change is a commit like any other: it goes through Build, Test and Approval before it is applied.',
    },
    {
      id: 'review',
      title: 'Review the change as the approver',
      instruction:
        'Play on. Each tested revision stops at Approval for you; approve them. The one that carries your template change shows its change set in the approval panel: that is what an approver reviews for an infrastructure change.',
      prediction: {
        kind: 'choice',
        question: 'Once the change is deployed and the stack updated, how does a tested commit get to production?',
        measure: 'pipelineMode',
        options: [
          { value: 'deployment', label: 'On its own, with nobody approving it' },
          { value: 'delivery', label: 'It still waits for someone to approve it' },
          { value: 'manual', label: 'Someone deploys it by hand on release day' },
        ],
      },
      goal: {
        text: 'The stack update removes the Approval stage',
        when: { event: 'stack.update.completed' },
        check: [{ measure: 'pipelineMode', is: 'deployment' }],
        needsAction: true,
        within: 90,
      },
      hints: [
        'Press Play; the run stops when a revision reaches Approval. Press Approve (or A).',
        'The revision with your template commit lists “Infrastructure change” and its change set. When it deploys, CloudFormation updates the stack.',
      ],
      pauseAt: [{ event: 'approval.requested' }],
      outcome:
        'CloudFormation updated the Pipeline resource in place (no replacement): the pipeline has no Approval stage now. The team practises Continuous Deployment because its reviewed template says so.',
    },
    {
      id: 'unapproved',
      title: 'A commit nobody approved',
      instruction: 'Play on and follow the next commit through Build and Test. Nothing stops it at a gate now.',
      goal: {
        text: 'A revision reaches production without an approval',
        when: { event: 'deploy.succeeded' },
        check: [{ measure: 'pipelineMode', is: 'deployment' }],
        needsAction: false,
        within: 3 * 60,
      },
      hints: ['Press Play; the run stops when the revision is deployed.', 'Open the Pipeline tab to watch the diagram without its Approval stage.'],
      outcome: 'The revision went to production with no one deciding: the template, reviewed and applied like code, changed how the team releases.',
    },
    {
      id: 'hand-change',
      title: 'Someone changes production by hand',
      instruction:
        'A night on call was noisy, and someone switches the production error alarm off in the console. Do it: in the Inject failure menu, choose “Someone changes production by hand: alarm switched off”.',
      goal: {
        text: 'Change production by hand',
        when: { event: 'drift.introduced' },
        needsAction: true,
        within: 30,
      },
      hints: ['The Inject failure menu is in the toolbar.', 'Choose the item about the alarm switched off.'],
      outcome: 'Production no longer matches its template, and nothing in the pipeline says so: the next bad change would get no alarm.',
    },
    {
      id: 'detect',
      title: 'Find the drift',
      instruction: 'On the Infrastructure tab, press Detect drift. CloudFormation compares each resource in production with the template.',
      prediction: {
        kind: 'number',
        question: 'How many resources will drift detection find MODIFIED?',
        measure: 'driftedResources',
        unit: 'resources',
        min: 0,
        max: 12,
      },
      goal: {
        text: 'Detect drift',
        when: { event: 'drift.detected' },
        needsAction: true,
        within: 30,
      },
      hints: ['Detect drift is next to Create change set on the Infrastructure tab.'],
      outcome:
        'ErrorAlarm is MODIFIED: the template expects its actions enabled, production has them off. Drift detection shows the difference; it does not fix it.',
    },
    {
      id: 'fix',
      title: 'Put production back to the template',
      instruction:
        'Apply the template again: press Create change set (the template has not changed) and Re-apply the template. The hand change is overwritten by what the template says.',
      goal: {
        text: 'Resolve the drift by applying the template',
        when: { event: 'drift.resolved' },
        needsAction: true,
        within: 60,
      },
      hints: ['Create change set, then Re-apply the template, then Play: the update takes a few simulated minutes.'],
      outcome:
        'Production matches its template again, and the alarm watches it. With code as the one source of truth, a hand change is found and undone in minutes.',
    },
  ],
  solution: [
    { step: 'remove-approval', at: 9 * 60 + 5, do: 'template', removeStage: 'Approval' },
    { step: 'review', at: 9 * 60 + 16, do: 'approve' },
    { step: 'review', at: 9 * 60 + 29, do: 'approve' },
    { step: 'review', at: 9 * 60 + 41, do: 'approve' },
    { step: 'hand-change', at: 10 * 60 + 25, do: 'drift', change: 'alarm-off' },
    { step: 'detect', at: 10 * 60 + 27, do: 'detect-drift' },
    { step: 'fix', at: 10 * 60 + 30, do: 'template' },
  ],
  debrief: {
    compare: ['leadTimeMedian', 'deployments', 'changeFailureRate'],
    takeaway:
      'When the pipeline and its environments are code, a change to them is reviewed as a change set and applied the same way every time; a hand change shows up as drift and is put right by applying the template.',
  },
  questions: [
    'Who can change your production environment today without a review? Would you know if they did?',
    'Removing Approval was a one-line change in a file. Who should review a change to the pipeline itself?',
    'What in your infrastructure is not in a template yet, and what would it take to rebuild it from nothing?',
  ],
};
