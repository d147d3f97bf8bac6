import type { FailureReason, Fault, RestorePath, StageName } from './events';
import type { StageNote } from './view/pipelineView';
import { STAGE_INFO, type StageId, type Status } from './view/stages';

/**
 * The words Pipeline Lab uses for its things, in one place: every view, narrator and card takes
 * its words from here, so the feed, the chat, the diagram and the inspector never disagree on what
 * a failure, a fault, a status or revision 0 is called. Pure; no React, no DOM.
 */

/**
 * "1,250", "-3,000.5": a number as `toLocaleString('en-US')` writes it (thousands with commas, at
 * most three decimals), without Intl. The first `Intl.NumberFormat` a page makes loads ICU's number
 * data: 50 to 90 ms of the main thread on a phone (issue 13), for commas.
 */
export function grouped(n: number): string {
  if (!Number.isFinite(n)) return n.toLocaleString('en-US');
  const fixed = (Math.round(Math.abs(n) * 1000) / 1000).toFixed(3);
  const whole = fixed.slice(0, -4);
  const fraction = fixed.slice(-3).replace(/0+$/, '');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** "1 commit", "3 commits". `grouped` writes thousands with commas ("1,250 deployments"). */
export function plural(n: number, one: string, options: { many?: string; grouped?: boolean } = {}): string {
  const count = options.grouped ? grouped(n) : String(n);
  return `${count} ${n === 1 ? one : (options.many ?? `${one}s`)}`;
}

/** "Make a test flaky" from "make a test flaky". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The learner at the keyboard: the name their approvals, rejections and rollbacks carry. */
export const LEARNER = 'You';

/**
 * Revision 0: the release production runs when the run begins. It has no commit and no sha, and a
 * rollback can go back to it. `told` in sentences, `short` where about 13 characters fit (a card:
 * "Day-1 version", what production ran on day 1; not "Start release", which read as a button),
 * `tag` where a sha would go, beside a token.
 */
export const START_RELEASE = { told: 'the release the run started from', short: 'Day-1 version', tag: 'day-1' } as const;

/** A revision as people name it: its short sha, or the words for revision 0. */
export function revisionName(revision: number, sha: string | undefined): string {
  return sha ?? (revision > 0 ? `r${revision}` : START_RELEASE.told);
}

/** "Build", "Production". */
export function stageName(stage: StageId | StageName): string {
  return STAGE_INFO[stage].name;
}

/** One status vocabulary for every view (LOOK.md). */
export const STATUS_WORDS: Record<Status, string> = {
  idle: 'Idle',
  working: 'Working',
  waiting: 'Waiting',
  failed: 'Failed',
  succeeded: 'Succeeded',
  superseded: 'Superseded',
  'rolled-back': 'Rolled back',
};

/**
 * Why a stage failed. `short` is the stage's detail and the inspector's words, `card` fits a stage
 * card, `told` is what the feed and the chat say after "Build failed for 3f2a1c1: ".
 */
export const FAILURE_WORDS: Record<FailureReason, { short: string; card: string; told: string }> = {
  'compile-error': { short: 'compile error', card: 'Compile error', told: 'compile error' },
  'defect-caught': { short: 'a test caught a defect', card: 'Defect caught', told: 'a test caught a defect' },
  'flaky-test': { short: 'flaky test', card: 'Flaky test', told: 'a flaky test failed; the code is fine' },
  'manual-step': { short: 'a manual step went wrong', card: 'Hand step failed', told: 'a manual step went wrong' },
  injected: { short: 'deploy failed', card: 'Deploy failed', told: 'CodeDeploy could not finish the rollout' },
  rejected: { short: 'rejected', card: 'Rejected', told: 'rejected' },
  drift: { short: 'production drifted', card: 'Drift', told: 'production was changed by hand and no longer matches staging' },
};

/** The short words for a failure reason: "compile error", "flaky test". */
export function reasonWords(reason: FailureReason): string {
  return FAILURE_WORDS[reason].short;
}

const APPROVAL_WAIT_WORDS = {
  'ops-ticket': { told: 'Ticket in the Ops queue', card: 'Ops ticket queue' },
  'release-day': { told: 'Waiting for release day', card: 'Release day' },
  learner: { told: 'Waiting for your decision', card: 'Your decision' },
  approver: { told: 'Waiting for the approver', card: 'Approver decides' },
} as const;

/**
 * Why a stage shows its status, in words. `told` is the stage's detail ("Waiting for the
 * approver"); `label` is what a stage card's accessible name adds to the status word, null when the
 * status word says it all; `card` is the short form a card shows (about 16 characters), null when
 * the status chip already says it.
 */
export function stageNoteWords(note: StageNote): { told: string; label: string | null; card: string | null } {
  switch (note.kind) {
    case 'idle':
      return { told: 'Nothing to do', label: null, card: null };
    case 'working':
      return note.byHand ? { told: 'Deploying by hand', label: 'Deploying by hand', card: 'Hand deploy' } : { told: 'Working', label: null, card: null };
    case 'approval': {
      const { told, card } = APPROVAL_WAIT_WORDS[note.waitsFor];
      return { told, label: told, card };
    }
    case 'scheduled-release':
      return { told: 'Waiting for the scheduled release', label: 'Waiting for the scheduled release', card: 'Next hand deploy' };
    case 'succeeded':
      return { told: 'Succeeded', label: null, card: null };
    case 'failed':
      return note.reason
        ? { told: FAILURE_WORDS[note.reason].short, label: FAILURE_WORDS[note.reason].short, card: FAILURE_WORDS[note.reason].card }
        : { told: STATUS_WORDS.failed, label: null, card: null };
    case 'rejected':
      return { told: 'Rejected', label: 'Rejected', card: 'Rejected' };
    case 'incidents': {
      const open = plural(note.open, 'open incident');
      return { told: open, label: open, card: open };
    }
    case 'rolled-back':
      return { told: 'Rolled back to a good revision', label: 'Rolled back to a good revision', card: null };
    case 'healthy':
      return { told: 'Healthy', label: 'Healthy', card: 'Healthy' };
  }
}

/**
 * The faults a trainer can inject. `label` names it in menus and lists, `effect` says what it does,
 * `told` is what the narrators say the trainer did.
 */
export const FAULT_WORDS: Record<Fault, { label: string; effect: string; told: string; applied: string }> = {
  'break-build': {
    label: 'break the next build',
    effect: 'The next commit pushed will not compile.',
    told: 'broke the next build',
    applied: 'this commit will not compile',
  },
  'flaky-test': {
    label: 'make a test flaky',
    effect: 'The next test run fails although the code is fine.',
    told: 'made a test flaky',
    applied: 'this test run will fail for no reason in the code',
  },
  'escape-defect': {
    label: 'slip a defect past the tests',
    effect: 'The next commit carries a defect the tests miss: production will feel it.',
    told: 'slipped a defect past the tests',
    applied: 'this commit carries a defect the tests will miss',
  },
  'fail-deploy': {
    label: 'make the next deploy fail',
    effect: 'CodeDeploy cannot finish the next rollout.',
    told: 'made the next deploy fail',
    applied: 'this deploy will not finish',
  },
};

/** How service came back. `title` heads a line or a cell, `told` follows "restored by". */
export const RESTORE_WORDS: Record<RestorePath, { title: string; told: string }> = {
  'automatic-rollback': { title: 'Automatic rollback', told: 'the automatic rollback' },
  'manual-rollback': { title: 'Manual rollback', told: 'a manual rollback' },
  fix: { title: 'A fix through the pipeline', told: 'a fix that went through the pipeline' },
};

/** The two teams of the silos culture, as tickets name them. */
export const TEAM_WORDS = { dev: 'Dev', ops: 'Ops' } as const;

/** A share (0-1) as a percentage: "4.2%" under 10%, "25%" above; `digits` fixes the decimals. */
export function percent(share: number, digits?: number): string {
  const pct = share * 100;
  const d = digits ?? (pct !== 0 && Math.abs(pct) < 10 ? 1 : 0);
  return `${pct.toFixed(d)}%`;
}
