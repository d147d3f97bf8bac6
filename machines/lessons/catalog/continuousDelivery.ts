import type { Lesson } from '../types';

/** Lesson 4: the learner is the approver of Continuous Delivery, and the gate is only as fast as they are. */
export const continuousDelivery: Lesson = {
  slug: 'continuous-delivery',
  title: 'Continuous Delivery',
  idea: 'Continuous Delivery',
  summary: 'You are the approver: every tested revision waits for your decision. Keep lead time short, and see what piles up behind a closed gate.',
  minutes: 10,
  objectives: [
    'Say what Continuous Delivery automates (build, tests, deployment) and what it leaves to a person: the manual approval before production.',
    'Explain how tested commits pile up behind an approval nobody decides, and why that makes releases bigger and lead time longer.',
    'Keep the median lead time under a target by deciding release by release, as a team that ships several times a day does.',
    'Tell what a rejection does: it stops one revision, not the commits in it; they stay on main and ride in the next revision.',
  ],
  start: { settings: { mode: 'delivery', seed: 6, approver: 'learner' }, speed: 15, startAt: 8 * 60 + 50 },
  steps: [
    {
      id: 'first-decision',
      title: 'The first revision reaches you',
      instruction:
        'It is Monday, 08:50, and you are the approver. Builds, tests and deployments are automated; the only step a person does is the manual approval before production. Press Play: the run stops when a tested revision reaches Approval. Then approve it.',
      goal: {
        text: 'Approve the first revision that reaches Approval',
        when: { event: 'approval.granted', where: { by: 'You' } },
        needsAction: true,
        within: 90,
      },
      hints: [
        'Press Play (or Space) and wait: the run pauses by itself when a revision reaches Approval.',
        'Press Approve in the decision panel, or the A key.',
      ],
      pauseAt: [{ event: 'approval.requested' }],
      outcome:
        'Approved: CodeDeploy takes the revision to production with no one carrying it. That click is the whole of the release process in Continuous Delivery.',
    },
    {
      id: 'pile-up',
      title: 'Nobody decides',
      instruction:
        'Now you are in a long meeting. When the next revision reaches Approval, leave it there: do not approve or reject, just play on. Watch the Approval stage. Newer revisions pass the tests and queue behind the one waiting; only one can queue, so each newer arrival takes the place of the one queued before it. The run stops when that has happened twice, a couple of hours later.',
      prediction: {
        kind: 'number',
        question: 'Nobody decides for a couple of hours. When the run stops, how many tested commits will be waiting at the gate for production?',
        measure: 'testedWaiting',
        unit: 'commits',
        min: 0,
        max: 30,
      },
      goal: {
        text: 'Newer revisions queue behind the gate: the queued one is replaced twice',
        when: { event: 'execution.superseded', where: { stage: 'approval' } },
        count: 2,
        needsAction: false,
        within: 5 * 60,
      },
      hints: [
        'Press Play and do not touch Approve or Reject; a faster speed gets you there sooner.',
        'A newer revision that reaches Approval takes the place of the one queued behind the gate (CodePipeline supersedes it); the older one’s commits travel inside the newer one.',
      ],
      pauseAt: [{ event: 'approval.requested' }],
      outcome:
        'A newer revision at Approval supersedes the one queued before it, so its commits travel in the newer revision: nothing is lost, but the next release grows. Every commit behind the gate is built and tested, and none of it reaches customers until someone decides; its lead time grows by the minute.',
    },
    {
      id: 'keep-up',
      title: 'Keep lead time down',
      instruction:
        'Back from the meeting. Clear the queue and keep up: approve what waits at Approval, and each revision that arrives after it, soon after it arrives. The goal is met when you have approved three revisions and the median lead time of the commits so far is 45 minutes or less; the goal is checked again at every later approval until it holds.',
      goal: {
        text: 'Approve three revisions, and bring the median lead time to 45 minutes or less',
        when: { event: 'approval.granted', where: { by: 'You' } },
        count: 3,
        check: [{ measure: 'leadTimeMedian', atMost: 0.75 }],
        needsAction: true,
        within: 60,
      },
      hints: [
        'The run stops each time a revision reaches Approval: approve it straight away with A.',
        'Approving the waiting revision brings the one queued behind it forward at once: approve that one too.',
        'Lead time counts from the push to production, and commits still waiting count too. Each hour a tested revision waits adds an hour to every commit in it.',
      ],
      pauseAt: [{ event: 'approval.requested' }],
      outcome:
        'Deciding promptly keeps releases small: each approval ships the few commits tested since the last one, and the median lead time is down to 45 minutes or less. This is how teams get from one release every three months to several releases a day.',
    },
    {
      id: 'reject',
      title: 'Say no to a revision',
      instruction:
        'An approver may also refuse. Say the product owner asks you to hold back what is in the next revision. When it reaches Approval, reject it with Reject (or the R key), and watch what happens at the gate.',
      goal: {
        text: 'Reject a revision waiting at Approval',
        when: { event: 'approval.rejected', where: { by: 'You' } },
        needsAction: true,
        within: 60,
      },
      hints: ['Press Play; the run stops when a revision reaches Approval.', 'Press Reject in the decision panel.'],
      pauseAt: [{ event: 'approval.requested' }],
      outcome: 'Rejected: CodePipeline stops that execution at Approval, and production keeps the revision it runs.',
    },
    {
      id: 'after-reject',
      title: 'Where did the rejected commits go?',
      instruction: 'Play on, and approve the next revision that reaches Approval. Then look at what its deployment carries to production.',
      prediction: {
        kind: 'choice',
        question: 'The revision you rejected stopped at Approval. Will its commits reach production with the next release you approve?',
        measure: 'carriesRejected',
        options: [
          { value: 'yes', label: 'Yes: they are on main, so the next revision carries them too' },
          { value: 'no', label: 'No: rejecting a revision takes its commits out' },
        ],
      },
      goal: {
        text: 'Approve a later revision and let it reach production',
        when: { event: 'deploy.succeeded' },
        check: [{ measure: 'carriesRejected', is: 'yes' }],
        needsAction: true,
        within: 60,
      },
      hints: [
        'Press Play; approve the next revision when the run stops at Approval.',
        'A revision holds every commit before it on main. Which revisions come after the one you rejected?',
      ],
      pauseAt: [{ event: 'approval.requested' }],
      outcome:
        'The release carried the rejected commits as well. A rejection stops one revision, not the commits in it: they stay on main and travel in every later revision until someone reverts or fixes them. To keep a change out, change main.',
    },
  ],
  solution: [
    { step: 'first-decision', at: 9 * 60 + 31, do: 'approve' },
    { step: 'keep-up', at: 13 * 60 + 26, do: 'approve' },
    { step: 'keep-up', at: 13 * 60 + 27, do: 'approve' },
    { step: 'keep-up', at: 13 * 60 + 38, do: 'approve' },
    { step: 'reject', at: 14 * 60, do: 'reject' },
    { step: 'after-reject', at: 14 * 60 + 12, do: 'approve' },
  ],
  debrief: {
    compare: ['leadTimeMedian', 'approvalWaitMedian', 'meanBatch', 'deployments', 'changeFailureRate'],
    takeaway:
      'In Continuous Delivery the pipeline is automated up to a person’s decision: decide often and releases stay small and lead time short; leave the gate shut and tested work piles up behind it.',
  },
  questions: [
    'Who approves releases to production where you work, and how long does a tested change wait for them?',
    'What did the approver look at before clicking Approve, and could a test check it instead?',
    'If a rejected revision’s commits stay on main, what should a team do when it really does not want a change in production?',
    'What would have to be true for your team to drop the approval and deploy every passing revision?',
  ],
};
