/**
 * The lessons' outline: slug, title and step ids, in the catalog's order, and nothing else. Saved
 * progress is checked against it in the browser (lib/learn/progress.ts), so /learn and the progress
 * code do not ship every lesson's steps, goals and the engine they check. Kept equal to the catalog
 * by test/unit/lesson-outline.test.ts: add a lesson or a step there and here.
 */
export interface LessonOutline {
  slug: string;
  title: string;
  steps: readonly { id: string }[];
}

export const LESSON_OUTLINE: readonly LessonOutline[] = [
  {
    slug: 'anatomy-of-a-pipeline',
    title: 'Anatomy of a pipeline',
    steps: [{ id: 'push' }, { id: 'build' }, { id: 'test' }, { id: 'approve' }, { id: 'deploy' }],
  },
  { slug: 'continuous-integration', title: 'Continuous Integration', steps: [{ id: 'built' }, { id: 'break' }, { id: 'green' }, { id: 'busier' }] },
  {
    slug: 'the-quarterly-release',
    title: 'The quarterly release',
    steps: [{ id: 'release-day' }, { id: 'ship' }, { id: 'roll-back' }, { id: 'rollback-fails' }, { id: 'weekend' }],
  },
  {
    slug: 'continuous-delivery',
    title: 'Continuous Delivery',
    steps: [{ id: 'first-decision' }, { id: 'pile-up' }, { id: 'keep-up' }, { id: 'reject' }, { id: 'after-reject' }],
  },
  {
    slug: 'continuous-deployment',
    title: 'Continuous Deployment',
    steps: [{ id: 'flow' }, { id: 'inject' }, { id: 'alarm' }, { id: 'rollback' }, { id: 'weaken' }, { id: 'unwatched' }, { id: 'restore' }],
  },
  {
    slug: 'release-cadence',
    title: 'From every three months to three times a day',
    steps: [{ id: 'every-quarter' }, { id: 'every-week' }, { id: 'every-day' }, { id: 'three-a-day' }, { id: 'next-day' }, { id: 'whole-quarter' }],
  },
  {
    slug: 'monitoring-and-feedback',
    title: 'Monitoring and feedback',
    steps: [{ id: 'inject' }, { id: 'alarm' }, { id: 'rollback' }, { id: 'postmortem' }, { id: 'unwatched' }, { id: 'restored' }],
  },
  {
    slug: 'dev-and-ops',
    title: 'Dev and Ops',
    steps: [{ id: 'ticket' }, { id: 'silos-page' }, { id: 'silos-restore' }, { id: 'switch' }, { id: 'devops-page' }, { id: 'devops-restore' }],
  },
  {
    slug: 'infrastructure-as-code',
    title: 'Infrastructure as Code',
    steps: [{ id: 'remove-approval' }, { id: 'review' }, { id: 'unapproved' }, { id: 'hand-change' }, { id: 'detect' }, { id: 'fix' }],
  },
];
