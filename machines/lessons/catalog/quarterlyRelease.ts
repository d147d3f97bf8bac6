import type { Lesson } from '../types';

const DAY = 24 * 60;

/** Lesson 3: three months of commits shipped at once on release day, and what follows. */
export const quarterlyRelease: Lesson = {
  slug: 'the-quarterly-release',
  title: 'The quarterly release',
  idea: 'Manual release',
  summary: 'Months of work shipped at once on release day: what the big bang does to lead time, failures and the weekend.',
  minutes: 8,
  objectives: [
    'Say why a release that comes once every three months carries hundreds of commits, and what that does to lead time.',
    'Explain why one big release causes many incidents at once, and why finding the culprit in it is slow.',
    'Tell why rolling back a big release often cannot work (schema and data changes), and what fixing forward over a weekend costs customers.',
  ],
  start: { settings: { mode: 'manual', seed: 1 }, speed: 15, startAt: 88 * DAY + 8 * 60 + 30 },
  steps: [
    {
      id: 'release-day',
      title: 'Release day',
      instruction:
        'It is Friday, 08:30, on day 88 of the run. The team has pushed commits to CodeCommit every working day for three months, and CodeBuild and the tests have checked each one, but none of them has reached production: this team releases by hand, once every 90 days. Press Play and watch for release day.',
      goal: { text: 'Release day arrives', when: { event: 'release.due' }, needsAction: false, within: 3 * 60 },
      hints: [
        'Press Play (or Space). The run stops by itself when the release is due.',
        'Releases start an hour after work starts, on the last working day of each 90-day interval.',
      ],
      outcome:
        'The release is due. The release manager takes the newest revision that passed the tests and starts deploying it by hand: everything written since the last release goes out together.',
    },
    {
      id: 'ship',
      title: 'The big bang',
      instruction: 'Play on and watch the Deploy stage. The release carries every commit that waited for this day.',
      prediction: {
        kind: 'number',
        question: 'The team pushes about 12 commits a working day. How many commits will this release carry to production?',
        measure: 'batch',
        unit: 'commits',
        min: 0,
        max: 2000,
      },
      goal: { text: 'The release runs in production', when: { event: 'deploy.succeeded' }, needsAction: false, within: 4 * 60 },
      hints: ['Press Play and watch the Deploy stage and Production on the right.', 'Count the working days since the last release and multiply.'],
      outcome:
        'Three months of work runs in production at once. Each of those commits waited for this day: the median lead time tile now counts weeks, not hours.',
    },
    {
      id: 'roll-back',
      title: 'Roll it back',
      instruction:
        'Watch the incidents. In a manual release no machine rolls back: a person on call does it by hand. When the CloudWatch alarm first fires, the run pauses. Open the monitoring view and roll the release back yourself.',
      goal: {
        text: 'Start a rollback by hand',
        when: { event: 'rollback.started', where: { automatic: false, by: 'You' } },
        needsAction: true,
        within: 3 * 60,
      },
      pauseAt: [{ event: 'alarm.fired', where: { incident: 1 } }],
      hints: [
        'Wait for the alarm: the run pauses when it fires.',
        'The Roll back now button is in the monitoring view, beside each incident that someone has noticed. It works while the run is paused.',
        'Act soon after the alarm: once the on-call engineer has started a rollback for every incident, none is left for you.',
      ],
      outcome:
        'You started putting the previous release back. CodeDeploy now has to undo three months of changes at once, and the on-call engineer rolls back the other incidents by hand too.',
    },
    {
      id: 'rollback-fails',
      title: 'No way back',
      instruction: 'Play on and watch the rollback. Count the incidents on the way: each one is a different defect that the release carried.',
      prediction: {
        kind: 'number',
        question: 'How many incidents will this one release have caused by the time the rollback finishes?',
        measure: 'incidents',
        unit: 'incidents',
        min: 0,
        max: 100,
      },
      goal: { text: 'The rollback finishes', when: { event: 'rollback.failed' }, needsAction: false, within: 4 * 60 },
      hints: [
        'Press Play. Rolling back takes as long as a deploy.',
        'Three months of commits include changes to the database that the old release cannot run on.',
      ],
      outcome:
        'The rollback failed: the release changed the database schema or data, and the old revision cannot run on them. The only way out is forward: find every culprit among hundreds of commits, fix it, and ship the fixes.',
    },
    {
      id: 'weekend',
      title: 'The weekend',
      instruction:
        'It is Friday afternoon. The developers look for the culprits, but a big batch takes long to search, and they work office hours. Turn the speed up and watch when production is put right.',
      prediction: {
        kind: 'number',
        question: 'How many hours will customers have lived with the first incident when it is finally fixed?',
        measure: 'hoursToRestore',
        unit: 'hours',
        min: 0,
        max: 200,
      },
      goal: { text: 'Production is put right', when: { event: 'incident.restored' }, needsAction: false, within: 5 * DAY },
      hints: ['Turn the speed up (the + key or the speed control): nights and weekends pass quickly.', 'Watch the incidents in the monitoring view.'],
      outcome:
        'A hotfix fixed production forward, days later: the weekend passed with the service failing for customers. A release day that falls on a Friday turns a bad afternoon into a bad weekend.',
    },
  ],
  solution: [{ step: 'roll-back', at: 88 * DAY + 12 * 60, do: 'rollback' }],
  debrief: {
    compare: ['meanBatch', 'leadTimeMedian', 'incidents', 'changeFailureRate', 'restoreMedian', 'customerImpact'],
    takeaway:
      'Releasing once a quarter does not make a release safer: it packs months of risk into one day, makes every commit wait for it, and leaves no way back when it fails.',
  },
  questions: [
    'How long did the last commit of this quarter wait to reach customers, and the first?',
    'With dozens of incidents at once, how would you know which commit caused which?',
    'Why can a release that changed the database not simply be rolled back?',
    'Who in your organization works the weekend after a release day?',
  ],
};
