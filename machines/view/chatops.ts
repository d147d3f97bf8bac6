import type { Simulation } from '../engine/simulation';
import { LEARNER } from '../words';
import { recentNarration, type Narration } from '../narration/chat';

/**
 * The chat-ops channel: the run's narration (machines/narration/chat.ts) as chat messages, with the
 * speaker recognised as a person, a bot or the learner, and @mentions picked out so the view can
 * show them. Pure; no React, no DOM.
 */

export const CHANNEL = '#checkout-service';

export type SpeakerKind = 'person' | 'bot' | 'you';

export interface Speaker {
  name: string;
  kind: SpeakerKind;
  /** Job title for people on the team ("Tech lead", "Operations engineer"). */
  title?: string;
}

export type ChatPart = { text: string } | { mention: string; known: boolean };

export interface ChatMessage extends Narration {
  speaker: Speaker;
  parts: ChatPart[];
  /** The learner is mentioned (an @You) or the message asks the learner to act. */
  forYou: boolean;
}

/**
 * Splits `text` into words and @mentions. A mention is "@" followed by letters; `known` says it
 * names someone on the team (or the learner).
 */
export function splitMentions(text: string, names: ReadonlySet<string>): ChatPart[] {
  const parts: ChatPart[] = [];
  const re = /@([\p{L}][\p{L}\p{M}'-]*)/gu;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ mention: m[1]!, known: names.has(m[1]!) });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export function speakerOf(who: string, sim: Simulation): Speaker {
  if (who === LEARNER) return { name: who, kind: 'you' };
  const person = sim.team.everyone.find((p) => p.name === who);
  if (person) return { name: who, kind: 'person', title: person.title };
  return { name: who, kind: 'bot' };
}

/** The latest `limit` messages of the channel, oldest first. */
export function chatMessages(sim: Simulation, limit = 80, learnerApproves = false): ChatMessage[] {
  const names = new Set([...sim.team.everyone.map((p) => p.name), LEARNER]);
  return recentNarration(sim, limit).map((line) => {
    const parts = splitMentions(line.text, names);
    return {
      ...line,
      speaker: speakerOf(line.who, sim),
      parts,
      forYou: parts.some((p) => 'mention' in p && p.mention === LEARNER) || (learnerApproves && line.kind === 'approval' && line.tone === 'action'),
    };
  });
}

/** A revision at the Approval stage, as the channel shows it. */
export interface PendingApproval {
  execution: number;
  revision: number;
  sha: string;
  author: string;
  message: string;
  /** Commits the release would ship. */
  pendingCommits: number;
  requestedAt: number;
  /** The request sits in the Ops ticket queue (silos) and nobody can decide yet. */
  inTicketQueue: boolean;
}

export function pendingApproval(sim: Simulation): PendingApproval | null {
  const request = sim.approval?.pending;
  if (!request) return null;
  const commit = sim.commit(request.revision);
  return {
    execution: request.execution,
    revision: request.revision,
    sha: commit?.sha ?? `r${request.revision}`,
    author: commit?.author ?? 'unknown',
    message: commit?.message ?? '',
    pendingCommits: sim.undeployedCommits(request.revision),
    requestedAt: request.requestedAt,
    inTicketQueue: sim.approval?.phase === 'inTicketQueue',
  };
}
