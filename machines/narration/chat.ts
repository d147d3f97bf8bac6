import type { LoggedEvent } from '../events';
import type { Simulation } from '../engine/simulation';
import { describeEvent, eventContext, type EventContext, type EventKind, type Tone } from './describeEvent';

/** One line of the chat-ops channel: who said what, as `describeEvent` words it for the chat. */
export interface Narration {
  seq: number;
  t: number;
  /** Who speaks: a person's name, or a bot for the pipeline and monitoring. */
  who: string;
  text: string;
  kind: EventKind;
  tone: Tone;
  /** Worth announcing to screen-reader users (deployments, failures, approvals needed, incidents). */
  important: boolean;
  /** Commit seqs the line is about, so a click can open a commit's journey. */
  commits: number[];
  incident?: number;
}

function chatLine(event: LoggedEvent, ctx: EventContext): Narration | null {
  const d = describeEvent(event, ctx);
  if (!d?.chat) return null;
  return {
    seq: d.seq,
    t: d.t,
    who: d.chat.who,
    text: d.chat.text,
    kind: d.kind,
    tone: d.tone,
    important: d.important,
    commits: d.commits,
    incident: d.incident,
  };
}

/** Says an event the way the team would in chat, or null where nobody would mention it. */
export function narrate(event: LoggedEvent, sim: Simulation): Narration | null {
  return chatLine(event, eventContext(sim));
}

/** The latest `limit` narrated lines, newest last. */
export function recentNarration(sim: Simulation, limit: number): Narration[] {
  const ctx = eventContext(sim);
  const lines: Narration[] = [];
  for (let i = sim.log.length - 1; i >= 0 && lines.length < limit; i--) {
    const line = chatLine(sim.log[i]!, ctx);
    if (line) lines.push(line);
  }
  return lines.reverse();
}
