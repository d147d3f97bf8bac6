import type { Lesson } from '../types';

const DAY = 24 * 60;
const FRIDAY_MORNING = 88 * DAY + 8 * 60 + 30;
const TUESDAY_MORNING = 85 * DAY + 8 * 60 + 30;

/** Lesson 6: the same commits, released every quarter, every week, every day and three times a day. */
export const releaseCadence: Lesson = {
  slug: 'release-cadence',
  title: 'From every three months to three times a day',
  idea: 'Release cadence',
  summary: 'The same three months of commits released every quarter, every week, every day and three times a day: batch size, lead time, change failure rate.',
  minutes: 10,
  objectives: [
    'Say how the release cadence sets the batch size: the less often a team releases, the more commits each release carries.',
    'Explain why lead time follows the cadence: every commit waits for the next release, however far away it is.',
    'Tell why smaller, more frequent releases fail less often, and set the approvals per day in Continuous Delivery.',
  ],
  start: { settings: { mode: 'manual', seed: 1 }, speed: 30, startAt: FRIDAY_MORNING },
  steps: [
    {
      id: 'every-quarter',
      title: 'Once a quarter',
      instruction:
        'It is Friday, 08:30, day 88 of the run: this team releases by hand once every 90 days, and today is release day. Press Play and watch the release reach production.',
      prediction: {
        kind: 'number',
        question: 'When this release is in production, how many hours will the median commit of the quarter have waited from push to production?',
        measure: 'leadTimeMedian',
        unit: 'hours',
        min: 0,
        max: 3000,
      },
      goal: { text: 'The quarterly release runs in production', when: { event: 'deploy.succeeded' }, needsAction: false, within: 4 * 60 },
      hints: [
        'Press Play (or Space). The run stops when the release is in production.',
        'A commit pushed on an average day of the quarter waited about half of it.',
      ],
      outcome:
        'One release carried the whole quarter: one deployment, a lead time in weeks, and every defect the tests missed all quarter went to production on the same day.',
    },
    {
      id: 'every-week',
      title: 'Once a week',
      instruction:
        'The same team, the same commits, run again from the start: now CodePipeline carries every commit to a manual approval, and the approver releases once a week. It is the same Friday morning. Press Play.',
      setup: { restart: { mode: 'delivery', approver: 'scheduled', releaseIntervalDays: 7 } },
      prediction: {
        kind: 'number',
        question: 'How many commits will this week’s release carry?',
        measure: 'batch',
        unit: 'commits',
        min: 0,
        max: 1000,
      },
      goal: { text: 'The weekly release runs in production', when: { event: 'deploy.succeeded' }, needsAction: false, within: 4 * 60 },
      hints: ['Press Play.', 'The team pushes about 12 commits a working day.'],
      outcome:
        'A week of work in one release. Compare the tiles with the quarterly run: many more deployments, each one smaller, and a median lead time of days instead of weeks.',
    },
    {
      id: 'every-day',
      title: 'Once a day',
      instruction:
        'Again from the start, with the same commits: the approver now releases once every working day, at 13:00. This run begins on the Tuesday of the same week, at 08:30. Press Play.',
      setup: { restart: { mode: 'delivery', approver: 'scheduled', releaseIntervalDays: 1, approvalsPerDay: 1, startAt: TUESDAY_MORNING } },
      prediction: {
        kind: 'number',
        question: 'When today’s release is in production, what will the median lead time of the run be, in hours?',
        measure: 'leadTimeMedian',
        unit: 'hours',
        min: 0,
        max: 500,
      },
      goal: { text: 'Today’s release runs in production', when: { event: 'deploy.succeeded' }, needsAction: false, within: 6 * 60 },
      hints: ['Press Play. The approval comes at 13:00.', 'A commit waits for the next day’s release at most, nights included.'],
      outcome: 'Releasing daily, a commit waits about a day for production, and each release carries a day’s work, not a quarter’s.',
    },
    {
      id: 'three-a-day',
      title: 'Three times a day',
      instruction:
        'Now it is your decision. In the live settings, set the approvals per day to 3: from the next working day on, the scheduled approver releases three times a day, at 11:00, 13:00 and 15:00.',
      goal: {
        text: 'Set the approvals per day to 3',
        when: { event: 'settings.changed' },
        check: [{ measure: 'approvalsPerDay', atLeast: 3, atMost: 3 }],
        needsAction: true,
        within: 2 * 60,
      },
      hints: [
        'The lesson panel has "Live settings for this step" under the goal.',
        'Set "Scheduled approvals per working day" to 3. The run does not need to be paused.',
      ],
      outcome: 'From tomorrow, the approver releases three times a working day. Nothing else about the team changed: the same people push the same commits.',
    },
    {
      id: 'next-day',
      title: 'A day of three releases',
      instruction: 'Play on and watch the next three releases go out. On a working day with three approvals, they come at 11:00, 13:00 and 15:00.',
      prediction: {
        kind: 'number',
        question: 'How many commits will the third of these releases carry?',
        measure: 'batch',
        unit: 'commits',
        min: 0,
        max: 100,
      },
      goal: { text: 'Three releases run in production', when: { event: 'deploy.succeeded' }, count: 3, needsAction: false, within: 30 * 60 },
      hints: ['Press Play. The approvals come at 11:00, 13:00 and 15:00 on working days.', 'Two hours of a team pushing about 12 commits a day.'],
      outcome:
        'Each release carried only the commits pushed since the one before: when something in it fails, there are only those few to look through, not a quarter’s worth.',
    },
    {
      id: 'whole-quarter',
      title: 'A quarter at three a day',
      instruction:
        'One last run of the same commits from the start, released three times a day all quarter. Press Play, and then set the tiles beside the quarterly release: deployments, batch, lead time, change failure rate.',
      setup: { restart: { mode: 'delivery', approver: 'scheduled', releaseIntervalDays: 1, approvalsPerDay: 3 } },
      prediction: {
        kind: 'number',
        question: 'The quarterly release carried the whole quarter in one batch. Released three times a day, how many commits will a release carry on average?',
        measure: 'meanBatch',
        unit: 'commits',
        min: 0,
        max: 100,
      },
      goal: { text: 'The morning release runs in production', when: { event: 'deploy.succeeded' }, needsAction: false, within: 4 * 60 },
      hints: ['Press Play. The first approval of the day comes at 11:00.', 'Fewer commits in a release means fewer defects that can ride along in it.'],
      outcome:
        'Released three times a day, the same quarter of commits went out in many small batches. Compare with the quarterly release: lead time in hours instead of weeks, and a much smaller share of releases that broke production.',
    },
  ],
  solution: [{ step: 'three-a-day', at: 85 * DAY + 13 * 60 + 30, do: 'configure', change: { approvalsPerDay: 3 } }],
  debrief: {
    compare: ['meanBatch', 'leadTimeMedian', 'changeFailureRate', 'deployments'],
    takeaway:
      'How often a team releases sets how much each release carries: release less often and every commit waits longer and every release risks more; release small and often and both shrink.',
  },
  questions: [
    'How often does your team release, and how many changes does a release carry?',
    'What would have to be true of your tests and your deploy for you to release three times a day?',
    'Why did the change failure rate fall when nothing about the code or the tests changed?',
  ],
};
