import type { Fault, LoggedEvent, StageName } from '../events';
import type { Simulation } from '../engine/simulation';
import { formatDuration } from '../sim/calendar';
import { STAGE_INFO } from './stages';

/** A piece of a feed line: words, or a commit the reader can open. */
export type FeedPart = string | { commit: number; sha: string };

export type FeedTone = 'info' | 'good' | 'bad' | 'warn';

export type FeedKind =
  | 'push'
  | 'failure'
  | 'superseded'
  | 'approval'
  | 'release'
  | 'deploy'
  | 'incident'
  | 'rollback'
  | 'restored'
  | 'handoff'
  | 'postmortem'
  | 'line'
  | 'fault';

export interface FeedItem {
  seq: number;
  t: number;
  kind: FeedKind;
  tone: FeedTone;
  parts: FeedPart[];
  /**
   * Worth announcing to screen-reader users (deployments, failures, approvals needed, incidents).
   * The live region speaks these politely; the feed shows everything.
   */
  announce: boolean;
}

/** What the describer needs to know beyond the event itself. */
export interface FeedContext {
  /** Short sha of a revision (a commit's seq). */
  sha(revision: number): string;
  /** Revision an execution ran, if still known. */
  revisionOf(execution: number): number | undefined;
  /** Whether approval requests are for the person at the keyboard (Continuous Delivery, learner approves). */
  learnerApproves: boolean;
}

export const FAULT_WORDS: Record<Fault, string> = {
  'break-build': 'break the next build',
  'flaky-test': 'make a test flaky',
  'escape-defect': 'slip a defect past the tests',
  'fail-deploy': 'make the next deploy fail',
};

const FAILURE_WORDS: Record<string, string> = {
  'compile-error': 'compile error',
  'defect-caught': 'a test caught a defect',
  'flaky-test': 'a flaky test failed; the code is fine',
  'manual-step': 'a manual step went wrong',
  injected: 'CodeDeploy could not finish the rollout',
  rejected: 'rejected',
};

const RESTORE_WORDS = {
  'automatic-rollback': 'the automatic rollback',
  'manual-rollback': 'a rollback',
  fix: 'a fix that went through the pipeline',
} as const;

export function feedContext(sim: Simulation): FeedContext {
  return {
    sha: (revision) => sim.commit(revision)?.sha ?? (revision > 0 ? `r${revision}` : 'the first release'),
    revisionOf: (execution) => sim.executions.get(execution)?.revision,
    learnerApproves: sim.settings.mode === 'delivery' && sim.settings.approver === 'learner',
  };
}

function stageName(stage: StageName): string {
  return STAGE_INFO[stage].name;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * One log event in a person's words ("Priya pushed 3f2a1c1: fix checkout rounding"), or null for
 * the bookkeeping events a reader does not need (an execution started, a stage began work).
 * Hidden facts stay hidden: a commit's defect is never mentioned before a stage or production
 * reveals it.
 */
export function describeEvent(e: LoggedEvent, ctx: FeedContext): FeedItem | null {
  const commit = (revision: number): FeedPart => ({ commit: revision, sha: ctx.sha(revision) });
  const item = (kind: FeedKind, tone: FeedTone, parts: FeedPart[], announce = false): FeedItem => ({
    seq: e.seq,
    t: e.t,
    kind,
    tone,
    parts,
    announce,
  });
  switch (e.type) {
    case 'commit.pushed':
      return item('push', 'info', [`${e.author} pushed `, { commit: e.commit, sha: e.sha }, `: ${e.message}`]);
    case 'stage.failed': {
      const reason = FAILURE_WORDS[e.reason] ?? e.reason;
      return item('failure', 'bad', [`${stageName(e.stage)} failed for `, commit(e.revision), `: ${reason}.`], true);
    }
    case 'execution.superseded': {
      const mine = ctx.revisionOf(e.execution);
      const newer = ctx.revisionOf(e.by);
      if (mine === undefined || newer === undefined) return null;
      return item('superseded', 'info', [
        commit(mine),
        ` was superseded at ${stageName(e.stage)}: its commits travel on inside `,
        commit(newer),
        '.',
      ]);
    }
    case 'execution.held':
      return item('line', 'warn', [
        commit(e.revision),
        ` is held before Deploy: it still carries the defect behind incident #${e.incident}.`,
      ]);
    case 'approval.requested':
      return item(
        'approval',
        'warn',
        ctx.learnerApproves
          ? [commit(e.revision), ` waits for your approval with ${plural(e.pendingCommits, 'commit')}.`]
          : [commit(e.revision), ` waits for approval with ${plural(e.pendingCommits, 'commit')}.`],
        ctx.learnerApproves,
      );
    case 'approval.granted':
      return item(
        'approval',
        'good',
        [`${e.by} approved `, commit(e.revision), e.comment ? `: “${e.comment}”` : '.'],
        true,
      );
    case 'approval.rejected':
      return item(
        'approval',
        'bad',
        [`${e.by} rejected `, commit(e.revision), e.comment ? `: “${e.comment}”` : '.'],
        true,
      );
    case 'release.scheduled':
      return item('release', 'info', [commit(e.revision), ' passed Test and waits for the next scheduled deploy.']);
    case 'deploy.succeeded':
      return item(
        'deploy',
        'good',
        [commit(e.revision), ` is live in production: ${plural(e.batch, 'commit')} shipped.`],
        true,
      );
    case 'incident.started':
      return item(
        'incident',
        'bad',
        [`Production is failing: ${Math.round(e.errorRate * 100)}% of requests get errors.`],
        true,
      );
    case 'alarm.fired':
      return item(
        'incident',
        'bad',
        [
          `CloudWatch alarm for incident #${e.incident}: error rate ${Math.round(e.errorRate * 100)}% is above ${Math.round(e.threshold * 100)}%.`,
        ],
        true,
      );
    case 'incident.reported':
      return item('incident', 'bad', [`Customers report errors: incident #${e.incident} is found.`], true);
    case 'incident.paged':
      return item('incident', 'warn', [`${e.person} is paged for incident #${e.incident}.`]);
    case 'incident.acknowledged':
      return item('incident', 'info', [`${e.person} acknowledged incident #${e.incident}.`]);
    case 'rollback.started':
      return item('rollback', 'warn', [
        e.automatic ? 'CodeDeploy rolls back automatically to ' : `${e.by} rolls production back to `,
        ...(e.to > 0 ? [commit(e.to)] : ['the first release']),
        '.',
      ]);
    case 'deploy.rolledBack':
      return item(
        'rollback',
        'warn',
        ['Production rolled back to ', ...(e.to > 0 ? [commit(e.to)] : ['the first release']), '.'],
        true,
      );
    case 'incident.restored':
      return item('restored', 'good', [`Service restored (incident #${e.incident}) by ${RESTORE_WORDS[e.path]}.`], true);
    case 'handoff.queued':
      return item('handoff', 'info', [
        `Ticket for ${e.to === 'ops' ? 'Ops' : 'Dev'}: ${e.about}. It waits in their queue.`,
      ]);
    case 'handoff.done':
      return e.waited >= 60
        ? item('handoff', 'info', [`A ticket was picked up after ${formatDuration(e.waited)} in the queue.`])
        : null;
    case 'postmortem.held':
      return e.blameless
        ? item('postmortem', 'good', [`Blameless postmortem for incident #${e.incident}: ${e.action}.`])
        : item('postmortem', 'warn', [
            `The incident report for #${e.incident} blames ${e.blamed ?? 'a person'}. Nothing in the pipeline changes.`,
          ]);
    case 'pipeline.held':
      return item('line', 'warn', ['Line stopped: revisions with the known defect are held before Deploy.'], true);
    case 'pipeline.resumed':
      return item('line', 'good', ['Line flowing again: the fix is on main.']);
    case 'fault.injected':
      return item('fault', 'warn', [`Trainer: ${FAULT_WORDS[e.fault]}.`]);
    default:
      return null;
  }
}

/** The words of a line without links, for the live region and for tests. */
export function feedText(parts: readonly FeedPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.sha)).join('');
}

/**
 * The newest `limit` feed items, newest first, reading the log backwards. `scanLimit` bounds the
 * work when most recent events are bookkeeping.
 */
export function recentActivity(log: readonly LoggedEvent[], ctx: FeedContext, limit: number, scanLimit = 5000): FeedItem[] {
  const items: FeedItem[] = [];
  const stop = Math.max(0, log.length - scanLimit);
  for (let i = log.length - 1; i >= stop && items.length < limit; i--) {
    const item = describeEvent(log[i]!, ctx);
    if (item) items.push(item);
  }
  return items;
}

/** Index of the first event with seq > `seq` (the log is ordered by seq). */
export function indexAfterSeq(log: readonly LoggedEvent[], seq: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * What the live region should say about the events after `afterSeq`: one short sentence per kind,
 * so a burst at high speed becomes "3 deployments reached production." instead of a flood.
 */
/** The event types the live region may speak about (see FeedItem.announce). */
const ANNOUNCED = new Set<LoggedEvent['type']>([
  'stage.failed',
  'approval.requested',
  'approval.granted',
  'approval.rejected',
  'deploy.succeeded',
  'incident.started',
  'alarm.fired',
  'incident.reported',
  'deploy.rolledBack',
  'incident.restored',
  'pipeline.held',
]);

export function announcementSince(log: readonly LoggedEvent[], afterSeq: number, ctx: FeedContext): string | null {
  const start = indexAfterSeq(log, afterSeq);
  if (start >= log.length) return null;
  const deploys: LoggedEvent[] = [];
  const failures: FeedItem[] = [];
  const others: FeedItem[] = [];
  let approvalsNeeded: FeedItem | null = null;
  for (let i = start; i < log.length; i++) {
    const e = log[i]!;
    if (!ANNOUNCED.has(e.type)) continue;
    if (e.type === 'deploy.succeeded') {
      deploys.push(e);
      continue;
    }
    const item = describeEvent(e, ctx);
    if (!item || !item.announce) continue;
    if (item.kind === 'failure') failures.push(item);
    else if (item.kind === 'approval' && e.type === 'approval.requested') approvalsNeeded = item;
    else others.push(item);
  }
  const sentences: string[] = [];
  if (deploys.length === 1) {
    const d = deploys[0] as Extract<LoggedEvent, { type: 'deploy.succeeded' }>;
    sentences.push(`${ctx.sha(d.revision)} is live in production with ${plural(d.batch, 'commit')}.`);
  } else if (deploys.length > 1) {
    sentences.push(`${deploys.length} deployments reached production.`);
  }
  if (failures.length === 1) sentences.push(feedText(failures[0]!.parts));
  else if (failures.length > 1) sentences.push(`${failures.length} pipeline failures, the latest: ${feedText(failures[failures.length - 1]!.parts)}`);
  for (const item of others.slice(-2)) sentences.push(feedText(item.parts));
  if (approvalsNeeded) sentences.push(feedText(approvalsNeeded.parts));
  return sentences.length > 0 ? sentences.join(' ') : null;
}
