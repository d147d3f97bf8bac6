import type { Lesson } from '../types';

/** Lesson 7: one incident from alarm to rollback to postmortem; then the same defect with no alarm, found by customers. */
export const monitoringFeedback: Lesson = {
  slug: 'monitoring-and-feedback',
  title: 'Monitoring and feedback',
  idea: 'Monitoring and feedback',
  summary:
    'Follow an incident from the alarm to the culprit commit, the rollback and the postmortem; then live the same incident with monitoring off, found by customers.',
  minutes: 8,
  objectives: [
    'Follow an incident through its stages: failing requests, the CloudWatch alarm, the page, the rollback, the postmortem.',
    'Find the commit that broke production and say why a small batch makes it quick to find.',
    'Explain what monitoring buys: minutes instead of hours between a fault and someone knowing, and fewer customers hurt.',
    'Say what a blameless postmortem is for: it changes the system (tests, alarms) so the same fault is caught sooner next time.',
  ],
  start: { settings: { mode: 'delivery', seed: 2 }, speed: 30, startAt: 9 * 60 },
  steps: [
    {
      id: 'inject',
      title: 'A defect slips through',
      instruction:
        'It is Monday, 09:00, in a Continuous Delivery team whose releases are approved on a schedule. Open the Inject failure menu and choose “Slip a defect past the tests”: the next commit pushed carries a defect the tests will not catch.',
      goal: {
        text: 'Inject an escaped defect',
        when: { event: 'fault.injected', where: { fault: 'escape-defect' } },
        needsAction: true,
        within: 30,
      },
      hints: ['The Inject failure menu is in the toolbar above the pipeline.', 'Choose “Slip a defect past the tests”.'],
      outcome:
        'The next commit pushed that compiles carries the defect. It will pass Build and Test, wait at Approval with the others, and go out with the next release.',
    },
    {
      id: 'alarm',
      title: 'The alarm fires',
      instruction:
        'Press Play. Watch the release carry the defect into production, then open the monitoring view: the error rate rises once customers use the broken part. The CloudWatch alarm fires when it crosses the threshold.',
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
        'Press Play, and speed up while nothing happens. The run stops when the alarm fires.',
        'The release goes out when the scheduled approver approves it.',
      ],
      outcome: 'The alarm fired and paged the person on call; the pipeline stopped the line so nothing new goes out on top of a broken production.',
    },
    {
      id: 'rollback',
      title: 'Find the culprit and roll back',
      instruction:
        'You take the page. In the monitoring view, the incident names the deployment that broke production and its culprit commit. In Continuous Delivery nothing rolls back on its own: roll back now, with the Roll back now button, before the on-call engineer decides.',
      prediction: {
        kind: 'choice',
        question: 'The alarm has paged the person on call. In this DevOps team, who is that?',
        measure: 'pagedRole',
        options: [
          { value: 'developer', label: 'A developer' },
          { value: 'operator', label: 'An operations engineer' },
          { value: 'release-manager', label: 'The release manager' },
        ],
      },
      goal: {
        text: 'Roll back the broken release yourself',
        when: { event: 'rollback.started', where: { by: 'You' } },
        needsAction: true,
        within: 30,
      },
      hints: [
        'Open the monitoring view: the broken production shows a Roll back now button.',
        'The release carried only a few commits, so the culprit is easy to name; the defect is on the commit the incident lists.',
      ],
      outcome:
        'You started the rollback: CodeDeploy puts the revision before the release back. Meanwhile the culprit commit’s author is told, and the fix comes through the pipeline like any change.',
    },
    {
      id: 'postmortem',
      title: 'The postmortem',
      instruction: 'Play on. Once production is healthy, the team meets for a blameless postmortem: not who broke it, but what would have caught it sooner.',
      goal: { text: 'The team holds the postmortem', when: { event: 'postmortem.held' }, needsAction: false, within: 4 * 60 },
      hints: [
        'Press Play; the postmortem is about an hour of working time after the incident ends.',
        'Read its action on the incident in the monitoring view, or in the event log.',
      ],
      outcome: 'The postmortem asked what would have caught the defect sooner, not whom to blame: its action is on the incident and in the event log.',
    },
    {
      id: 'unwatched',
      title: 'The same morning, no monitoring',
      instruction:
        'The run starts again from Monday 09:00 with the same commits, but monitoring is off, and an escaped defect has been injected for you at 09:00. Press Play and watch production: who notices this time?',
      setup: { restart: { monitoring: false }, inject: ['escape-defect'] },
      prediction: {
        kind: 'number',
        question: 'How many minutes will pass from the first failing request to someone noticing?',
        measure: 'minutesToDetect',
        unit: 'minutes',
        min: 0,
        max: 600,
      },
      goal: {
        text: 'Someone notices the defect',
        when: { event: 'incident.paged' },
        check: [{ measure: 'culprit', is: 'injected' }],
        needsAction: false,
        within: 9 * 60,
      },
      hints: ['Press Play, at a faster speed: it may take a while.', 'With no alarm, the only ones who see failing requests are the customers making them.'],
      outcome: 'This time customers noticed and reported it, and only then was anyone paged. Set the minutes beside the alarm’s in the earlier reveal.',
    },
    {
      id: 'restored',
      title: 'Healthy again, later',
      instruction: 'Play on, or roll back yourself as before. Watch the customer impact: it grows for as long as the defect runs.',
      prediction: {
        kind: 'number',
        question: 'How many minutes will the defect have run in production, from the first failing request to recovery?',
        measure: 'minutesToRestore',
        unit: 'minutes',
        min: 0,
        max: 720,
      },
      goal: {
        text: 'Production is healthy again',
        when: { event: 'incident.restored' },
        check: [{ measure: 'culprit', is: 'injected' }],
        needsAction: false,
        within: 2 * 60,
      },
      hints: ['Press Play; the person on call rolls back once they have looked.', 'Or use the Roll back now button in the monitoring view.'],
      outcome:
        'Production is healthy again. The difference from the first run was who noticed and when: the debrief shows what the time without an alarm cost customers in this run.',
    },
  ],
  solution: [
    { step: 'inject', at: 9 * 60 + 5, do: 'inject', fault: 'escape-defect' },
    { step: 'rollback', at: 11 * 60 + 33, do: 'rollback' },
  ],
  debrief: {
    compare: ['minutesToDetect', 'minutesToRestore', 'detectedBy', 'customerImpact', 'restoreMedian'],
    takeaway:
      'Monitoring is the feedback loop from production: with an alarm a fault is known in minutes and put right by the team; without one, customers find it hours later.',
  },
  questions: [
    'How would you know, today, that your last release broke something? Who would tell you, and when?',
    'How did the team find the culprit commit, and how would that change with a release of 200 commits?',
    'What did the postmortem change? What does a postmortem in your company usually change?',
    'Is "customers will tell us" ever an acceptable alarm? For which systems?',
  ],
};
