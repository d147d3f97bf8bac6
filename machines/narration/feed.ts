import type { LoggedEvent } from '../events';
import { indexAfterSeq } from '../sim/eventLog';
import { plural } from '../words';
import { describeEvent, type EventContext, type EventKind, type FeedPart, type Tone } from './describeEvent';

/**
 * The activity feed and the live region: the events as `describeEvent` words them for the feed,
 * newest first, and a short summary of a burst for screen-reader users.
 */

export interface FeedItem {
  seq: number;
  t: number;
  kind: EventKind;
  tone: Tone;
  parts: FeedPart[];
  /**
   * Worth announcing to screen-reader users (deployments, failures, approvals needed, incidents).
   * The live region speaks these politely; the feed shows everything.
   */
  announce: boolean;
}

/** One event as a feed line, or null where the feed leaves it out. */
export function feedItem(e: LoggedEvent, ctx: EventContext): FeedItem | null {
  const d = describeEvent(e, ctx);
  if (!d?.feed) return null;
  return { seq: d.seq, t: d.t, kind: d.kind, tone: d.tone, parts: d.feed, announce: d.important };
}

/** The words of a line without links, for the live region and for tests. */
export function feedText(parts: readonly FeedPart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.sha)).join('');
}

/**
 * The newest `limit` feed items, newest first, reading the log backwards. `scanLimit` bounds the
 * work when most recent events are bookkeeping.
 */
export function recentActivity(log: readonly LoggedEvent[], ctx: EventContext, limit: number, scanLimit = 5000): FeedItem[] {
  const items: FeedItem[] = [];
  const stop = Math.max(0, log.length - scanLimit);
  for (let i = log.length - 1; i >= stop && items.length < limit; i--) {
    const item = feedItem(log[i]!, ctx);
    if (item) items.push(item);
  }
  return items;
}

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

/**
 * What the live region should say about the events after `afterSeq`: one short sentence per kind,
 * so a burst at high speed becomes "3 deployments reached production." instead of a flood.
 */
export function announcementSince(log: readonly LoggedEvent[], afterSeq: number, ctx: EventContext): string | null {
  const start = indexAfterSeq(log, afterSeq);
  if (start >= log.length) return null;
  const deploys: Extract<LoggedEvent, { type: 'deploy.succeeded' }>[] = [];
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
    const item = feedItem(e, ctx);
    if (!item || !item.announce) continue;
    if (item.kind === 'failure') failures.push(item);
    else if (item.kind === 'approval' && e.type === 'approval.requested') approvalsNeeded = item;
    else others.push(item);
  }
  const sentences: string[] = [];
  if (deploys.length === 1) {
    const d = deploys[0]!;
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
