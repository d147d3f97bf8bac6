import type { KeyMetric } from '../metrics/dora';
import type { MomentKind } from '../runner/moments';

/** What a trainer says at a moment: a question for the room and the number on screen to point at. */
export interface MomentNote {
  question: string;
  /** The DORA key whose tile the room should look at. */
  pointAt: KeyMetric;
  why: string;
}

export const MOMENT_NOTES: Record<MomentKind | 'none', MomentNote> = {
  none: {
    question: 'What do you expect to happen to the next commit someone pushes?',
    pointAt: 'deploymentFrequency',
    why: 'How often the team gets changes to customers: the first of the four keys.',
  },
  approval: {
    question: 'How many commits does this revision carry, and what would you check before you approve it?',
    pointAt: 'leadTime',
    why: 'Every minute a revision waits here adds to the lead time of every commit in it.',
  },
  deploy: {
    question: 'What could go wrong in this deployment, and how would we find out?',
    pointAt: 'changeFailureRate',
    why: 'The share of deployments that break production: bigger batches break it more often.',
  },
  alarm: {
    question: 'Who is paged now, and how will they find the commit that broke production?',
    pointAt: 'timeToRestore',
    why: 'The clock on recovery started when the failure did, not when someone noticed.',
  },
  'release-day': {
    question: 'How many commits ship today, and how old is the oldest of them?',
    pointAt: 'leadTime',
    why: 'A commit pushed the day after the last release waited the whole interval.',
  },
  restored: {
    question: 'How long did customers feel it, and what should the postmortem change?',
    pointAt: 'timeToRestore',
    why: 'Recovery time is one of the four keys: small batches and rollbacks keep it short.',
  },
};
