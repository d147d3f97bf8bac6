import type { Lesson } from '../types';

/** Lesson 8: the same pipeline run by two teams behind a ticket queue, then by one team that shares the pager. */
export const devAndOps: Lesson = {
  slug: 'dev-and-ops',
  title: 'Dev and Ops',
  idea: 'DevOps culture',
  summary: 'Break production twice on the same pipeline: once with Dev and Ops in silos, once as one team, and compare the waiting.',
  minutes: 10,
  objectives: [
    'Point to the handoffs in a silo: a ticket to Ops for every approval, a ticket back to Dev for every fix.',
    'Say who is paged when production breaks in each culture, and why it matters that they know the change.',
    'Compare waiting time and recovery time between silos and DevOps on the same pipeline and team.',
  ],
  start: { settings: { mode: 'delivery', seed: 3, culture: 'silos' }, speed: 60, startAt: 8 * 60 + 50 },
  steps: [
    {
      id: 'ticket',
      title: 'A ticket to Ops',
      instruction:
        'It is Monday, 08:50, and the team works in silos: developers write the code, a separate Operations team runs production, and the change manager who approves releases sits in Ops. Press Play. When the first revision passes its tests, Dev opens a ticket asking Ops to approve it. Open the team view to see the ticket in the queue and who waits on whom.',
      prediction: {
        kind: 'number',
        question: 'How many working hours will the approval ticket wait in the Ops queue before someone picks it up?',
        measure: 'handoffWait',
        unit: 'hours',
        min: 0,
        max: 8,
      },
      goal: { text: 'Ops picks up the approval ticket', when: { event: 'handoff.done' }, needsAction: false, within: 6 * 60 },
      pauseAt: [{ event: 'handoff.queued' }],
      hints: [
        'Press Play. The run stops when the ticket is opened and again when Ops picks it up.',
        'A ticket waits in the other team’s queue for a few working hours: they have their own work first.',
      ],
      outcome:
        'Ops picked up the ticket. All that time the revision was ready and nobody could ship it: the wait counts in every one of its commits’ lead time.',
    },
    {
      id: 'silos-page',
      title: 'Production breaks in a silo',
      instruction:
        'Now let a defect slip through. Open the Inject failure menu and choose “Slip a defect past the tests”: the next commit pushed carries a defect the tests will miss. Play on until it reaches production and the CloudWatch alarm fires. Watch who gets paged.',
      prediction: {
        kind: 'choice',
        question: 'When the alarm fires, who will be paged?',
        measure: 'pagedRole',
        options: [
          { value: 'developer', label: 'A developer' },
          { value: 'operator', label: 'An operations engineer' },
          { value: 'release-manager', label: 'The release manager' },
        ],
      },
      goal: {
        text: 'Inject an escaped defect and see someone paged for it, still in silos',
        when: { event: 'incident.paged' },
        check: [
          { measure: 'faultsInjected', atLeast: 1 },
          { measure: 'culture', is: 'silos' },
        ],
        needsAction: true,
        within: 36 * 60,
      },
      hints: [
        'The Inject failure menu is beside the Play controls; “Slip a defect past the tests” is the one that reaches production.',
        'After injecting, press Play: the defective commit needs its approval ticket and the next scheduled approval before it ships.',
        'In silos only Ops is on call: the pager goes to an operations engineer, who did not write the change.',
      ],
      outcome:
        'An operations engineer was paged for a change a developer wrote. Before rolling back, Ops has to find out which change broke production, and that means asking Dev.',
    },
    {
      id: 'silos-restore',
      title: 'Waiting to recover',
      instruction:
        'Play on and watch the team view and the monitoring view. In silos the operator on call asks Dev through tickets: which change broke production, and would they please fix it. Meanwhile the pipeline is held, so nothing new reaches production.',
      prediction: {
        kind: 'number',
        question: 'How many minutes will pass from the first failing request until production is healthy again?',
        measure: 'minutesToRestore',
        unit: 'minutes',
        min: 0,
        max: 600,
      },
      goal: { text: 'Production is healthy again', when: { event: 'incident.restored' }, needsAction: false, within: 6 * 60 },
      pauseAt: [{ event: 'handoff.queued' }],
      hints: [
        'Press Play. The run stops when a ticket is opened and again when the incident is over.',
        'Look at the team view: who is waiting on a ticket, and who has it in their queue?',
      ],
      outcome:
        'Production is healthy again. The pipeline was held when the alarm fired, and it flows again only once Dev pushes a fix: a fix that first had to wait its turn as a ticket in the Dev queue.',
    },
    {
      id: 'switch',
      title: 'One team',
      instruction:
        'Change the culture to DevOps in the settings. From now on Dev and Ops are one team that owns the service: developers share the pager, a teammate approves releases, and nobody files a ticket to the other side. The commits keep coming as before.',
      goal: {
        text: 'Switch the culture to DevOps',
        when: { event: 'settings.changed' },
        check: [{ measure: 'culture', is: 'devops' }],
        needsAction: true,
        within: 60,
      },
      hints: ['Culture is under "Live settings for this step" in the lesson panel (and on the Team view).', 'Choose DevOps: the change applies from now on.'],
      outcome: 'The team is now one team. Tickets already in a queue still wait; new work no longer goes through one.',
    },
    {
      id: 'devops-page',
      title: 'Production breaks again',
      instruction:
        'Inject another escaped defect and play on until it reaches production. The same kind of defect, on the same pipeline: watch who is paged this time, and whether anyone waits on a ticket.',
      prediction: {
        kind: 'choice',
        question: 'When the alarm fires this time, who will be paged?',
        measure: 'pagedRole',
        options: [
          { value: 'developer', label: 'A developer' },
          { value: 'operator', label: 'An operations engineer' },
          { value: 'release-manager', label: 'The release manager' },
        ],
      },
      goal: {
        text: 'Inject an escaped defect and see someone paged for it, now in DevOps',
        when: { event: 'incident.paged' },
        check: [
          { measure: 'faultsInjected', atLeast: 1 },
          { measure: 'culture', is: 'devops' },
        ],
        needsAction: true,
        within: 36 * 60,
      },
      hints: [
        'Inject failure menu, “Slip a defect past the tests”, then Play.',
        'In DevOps the on-call rota takes in the developers: whoever carries the pager this week knows the code.',
      ],
      outcome: 'The person paged is on the team that owns the service: no ticket is needed to find the change or to start the fix.',
    },
    {
      id: 'devops-restore',
      title: 'Recovery without a queue',
      instruction: 'Play on until production is healthy again, and set the recovery time beside the one in silos.',
      prediction: {
        kind: 'number',
        question: 'How many minutes will pass from the first failing request until production is healthy again this time?',
        measure: 'minutesToRestore',
        unit: 'minutes',
        min: 0,
        max: 600,
      },
      goal: { text: 'Production is healthy again', when: { event: 'incident.restored' }, needsAction: false, within: 3 * 60 },
      hints: ['Press Play. The run stops when the incident is over.'],
      outcome:
        'Production is healthy again. The person on call could decide without asking another team, and the fix started at once instead of waiting in a queue.',
    },
  ],
  solution: [
    { step: 'silos-page', at: 12 * 60 + 20, do: 'inject', fault: 'escape-defect' },
    { step: 'switch', at: 15 * 60 + 20, do: 'configure', change: { culture: 'devops' } },
    { step: 'devops-page', at: 15 * 60 + 25, do: 'inject', fault: 'escape-defect' },
  ],
  debrief: {
    compare: ['handoffs', 'handoffHours', 'restoreMedian', 'leadTimeMedian'],
    takeaway:
      'Every handoff between Dev and Ops is a queue that work waits in; a team that owns its service, pager included, ships and recovers without waiting on anyone.',
  },
  questions: [
    'How many tickets does a change pass through between a developer’s push and production where you work?',
    'Who is paged when your production breaks, and did they write the change?',
    'What would developers on call need before they could carry the pager: runbooks, alarms, rights to roll back?',
  ],
};
