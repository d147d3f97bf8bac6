import type { Lesson } from '../types';

/** Lesson 5: no gate before production; the tests, the alarm and the automatic rollback are the safety net. */
export const continuousDeployment: Lesson = {
  slug: 'continuous-deployment',
  title: 'Continuous Deployment',
  idea: 'Continuous Deployment',
  summary:
    'Take the approval away: every passing change goes to production on its own. See what catches a bad change now, and what happens when the net is weak.',
  minutes: 8,
  objectives: [
    'Say what changes when the manual approval goes: every revision that passes the tests is deployed by CodeDeploy within minutes of its push.',
    'Name the safety net that replaces the approver: the automated tests, the CloudWatch alarm, and the rollback the alarm starts on its own.',
    'Explain why Continuous Deployment needs monitoring: without the alarm, a bad change stays in production until customers notice, and someone has to roll it back by hand.',
  ],
  start: { settings: { mode: 'deployment', seed: 1 }, speed: 15, startAt: 9 * 60 },
  steps: [
    {
      id: 'flow',
      title: 'Nobody approves',
      instruction:
        'It is Monday, 09:00, and this team practises Continuous Deployment: the pipeline has no Approval stage. Press Play and follow the first commit from CodeCommit through Build and Test to Deploy.',
      prediction: {
        kind: 'number',
        question: 'With no one to approve it, how many minutes will the commit take from its push to running in production?',
        measure: 'pushToProduction',
        unit: 'minutes',
        min: 0,
        max: 240,
      },
      goal: { text: 'A revision runs in production', when: { event: 'deploy.succeeded' }, needsAction: false, within: 2 * 60 },
      hints: [
        'Press Play (or Space). The run stops by itself when the revision is deployed.',
        'Build, Test and Deploy each take some minutes; nothing waits between them.',
      ],
      outcome:
        'The revision went from CodeCommit to production with nobody deciding. Its lead time is only the work of the stages: every passing change is released, one small change at a time.',
    },
    {
      id: 'inject',
      title: 'Slip a defect past the tests',
      instruction:
        'Now a bad change. Open the Inject failure menu and choose “Slip a defect past the tests”: the next commit carries a hidden defect that the tests do not catch. No one stands at an Approval stage to stop it.',
      goal: {
        text: 'Inject an escaped defect',
        when: { event: 'fault.injected', where: { fault: 'escape-defect' } },
        needsAction: true,
        within: 30,
      },
      hints: ['The Inject failure menu is in the toolbar above the pipeline.', 'Choose “Slip a defect past the tests”.'],
      outcome:
        'The next commit a developer pushes that compiles will carry the defect. It will pass Build and Test like any other change, and CodeDeploy will ship it.',
    },
    {
      id: 'alarm',
      title: 'The alarm fires',
      instruction:
        'Play on. Watch the commit that carries the defect go through the pipeline into production. Once it runs there, requests start failing; the CloudWatch alarm watches the error rate.',
      prediction: {
        kind: 'number',
        question: 'How many minutes will pass from the first failing request to the alarm firing?',
        measure: 'minutesToDetect',
        unit: 'minutes',
        min: 0,
        max: 240,
      },
      goal: {
        text: 'The alarm fires for the defect you injected',
        when: { event: 'alarm.fired' },
        check: [{ measure: 'culprit', is: 'injected' }],
        needsAction: false,
        within: 3 * 60,
      },
      hints: [
        'Press Play; the run stops when the alarm fires.',
        'A defect can take a while to show after its deploy: it fails requests once customers use the part it broke.',
      ],
      outcome:
        'The error rate crossed the alarm threshold and CloudWatch raised the alarm. The pipeline stops the line: no new revision goes out while production is broken.',
    },
    {
      id: 'rollback',
      title: 'Production is put right',
      instruction: 'Play on and watch production. In this mode, who or what puts the previous revision back?',
      prediction: {
        kind: 'choice',
        question: 'How will production be put right?',
        measure: 'restoredBy',
        options: [
          { value: 'automatic-rollback', label: 'CodeDeploy rolls back on its own' },
          { value: 'manual-rollback', label: 'The person on call rolls back by hand' },
          { value: 'fix', label: 'A developer ships a fix' },
        ],
      },
      goal: {
        text: 'Production is healthy again',
        when: { event: 'incident.restored' },
        check: [{ measure: 'culprit', is: 'injected' }],
        needsAction: false,
        within: 2 * 60,
      },
      hints: [
        'Press Play. Open the monitoring view to see the incident.',
        'In Continuous Deployment, an alarm starts a rollback without waiting for anyone: read the rollback line in the event log.',
      ],
      outcome:
        'Production is healthy again; the reveal shows how. When the alarm catches a defect, Continuous Deployment rolls back on its own, in the minutes a deploy takes, and nobody has to be woken up first.',
    },
    {
      id: 'weaken',
      title: 'Take the alarm away',
      instruction:
        'The alarm did the work the approver used to do. Now weaken the safety net: in the monitoring settings, switch monitoring off. CloudWatch will no longer raise any alarm.',
      goal: {
        text: 'Switch monitoring off',
        when: { event: 'settings.changed' },
        check: [{ measure: 'monitoring', is: 'off' }],
        needsAction: true,
        within: 30,
      },
      hints: ['Open the monitoring view.', 'Turn the Monitoring switch off: the change applies to the running simulation at once.'],
      outcome: 'Monitoring is off. The tests still run, and the pipeline still deploys every passing change; nothing watches production any more.',
    },
    {
      id: 'unwatched',
      title: 'The same kind of defect, unwatched',
      instruction:
        'A second escaped defect has been injected for you. Play on: it will pass the tests and reach production as the first one did. Watch who notices this time, and when.',
      setup: { inject: ['escape-defect'] },
      prediction: {
        kind: 'number',
        question: 'The alarm noticed the first defect. How many minutes will pass from the first failing request to someone noticing this one?',
        measure: 'minutesToDetect',
        unit: 'minutes',
        min: 0,
        max: 600,
      },
      goal: {
        text: 'Someone notices the second defect',
        when: { event: 'incident.paged' },
        check: [{ measure: 'culprit', is: 'injected' }],
        needsAction: false,
        within: 9 * 60,
      },
      hints: ['Press Play, and try a faster speed: it may take a while.', 'With no alarm, failing requests show up only as complaints: customers report them.'],
      outcome:
        'Someone noticed, and the person on call was paged; the reveal shows how long it took. Without an alarm there is no automatic rollback either: a person has to decide.',
    },
    {
      id: 'restore',
      title: 'Roll back by hand',
      instruction: 'You are on call. Roll production back now, before the paged engineer gets to it, with the Roll back now button in the monitoring view.',
      goal: {
        text: 'Roll back the broken revision yourself',
        when: { event: 'rollback.started', where: { by: 'You' } },
        needsAction: true,
        within: 30,
      },
      hints: [
        'Open the monitoring view: the broken production shows a Roll back now button.',
        'Every minute the defect stays in production adds to the customer impact.',
      ],
      outcome: 'You started the rollback; CodeDeploy puts the last good revision back. Compare how long customers lived with each of the two defects.',
    },
  ],
  solution: [
    { step: 'inject', at: 9 * 60 + 25, do: 'inject', fault: 'escape-defect' },
    { step: 'weaken', at: 10 * 60 + 50, do: 'configure', change: { monitoring: false } },
    { step: 'restore', at: 14 * 60 + 13, do: 'rollback' },
  ],
  debrief: {
    compare: ['leadTimeMedian', 'minutesToDetect', 'restoreMedian', 'customerImpact', 'changeFailureRate'],
    takeaway:
      'Continuous Deployment swaps the approver for automation: it is only as safe as its tests, its alarm and its automatic rollback, and without monitoring a bad change runs until customers complain.',
  },
  questions: [
    'Who in your team would miss the approval step, and what did they actually check?',
    'The tests missed both defects. What would have to be true of your tests before you let every passing change go to production?',
    'What did switching monitoring off cost here, in minutes of customer impact? What would it cost in your product?',
    'What is the last thing your pipeline checks before production, and who is paged when it is wrong?',
  ],
};
