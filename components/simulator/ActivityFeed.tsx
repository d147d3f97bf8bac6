"use client";

import {
  AlertTriangle,
  CircleCheck,
  CircleX,
  GitCommitHorizontal,
  Info,
  Layers,
  MessageSquare,
  Rocket,
  Siren,
  Undo2,
  UserCheck,
  Zap,
  type LucideIcon,
} from "lucide-react";
import { memo } from "react";
import { Panel } from "@/components/ui/Panel";
import { formatClock } from "@/machines/sim/calendar";
import { eventContext, type EventKind, type Tone } from "@/machines/narration/describeEvent";
import { recentActivity, type FeedItem } from "@/machines/narration/feed";
import { CommitLink } from "./CommitLink";
import { useThrottledSim } from "./slowBeat";

const KIND_ICONS: Record<EventKind, LucideIcon> = {
  push: GitCommitHorizontal,
  failure: CircleX,
  superseded: Layers,
  approval: UserCheck,
  release: Info,
  deploy: Rocket,
  incident: Siren,
  rollback: Undo2,
  restored: CircleCheck,
  handoff: MessageSquare,
  postmortem: MessageSquare,
  line: AlertTriangle,
  fault: Zap,
  settings: Zap,
};

const TONE_INK: Record<Tone, string> = {
  info: "text-text-muted",
  good: "text-status-succeeded-ink",
  bad: "text-status-failed-ink",
  warn: "text-status-waiting-ink",
  // The feed asks nothing of the reader: a decision someone owes reads as a warning.
  action: "text-status-waiting-ink",
};

/** One line; it renders again only when its place shows another event. */
const FeedLine = memo(
  function FeedLine({ item }: { item: FeedItem }) {
    const Icon = KIND_ICONS[item.kind];
    return (
      <li className="flex gap-2.5 py-1.5 [contain-intrinsic-size:auto_3.5rem] [content-visibility:auto]">
        <Icon aria-hidden="true" className={`mt-1 size-5 shrink-0 ${TONE_INK[item.tone]}`} strokeWidth={2.5} />
        <span className="min-w-0 flex-1 text-base leading-snug text-text">
          {item.parts.map((part, i) => (typeof part === "string" ? <span key={i}>{part}</span> : <CommitLink key={i} seq={part.commit} sha={part.sha} />))}
        </span>
        <time className="shrink-0 pt-0.5 text-base text-text-muted tabular-nums">{formatClock(item.t).slice(0, 9)}</time>
      </li>
    );
  },
  (a, b) => a.item.seq === b.item.seq && a.item.t === b.item.t && a.item.parts.length === b.item.parts.length,
);

/** What happened, newest first, in people's words. Re-read a few times a second while playing. */
export function ActivityFeed({ className = "" }: { className?: string }) {
  const items = useThrottledSim(
    (sim) => recentActivity(sim.log, eventContext(sim), 30),
    400,
    [],
    (a, b) => a.length === b.length && a[0]?.seq === b[0]?.seq && a[0]?.t === b[0]?.t,
  );
  return (
    <Panel titleId="activity-title" title="Activity" className={className}>
      <div tabIndex={0} aria-label="Activity, newest first" className="min-h-0 flex-1 overflow-y-auto px-4 py-1">
        {items.length === 0 ? (
          <p className="py-2 text-base text-text-muted">Nothing yet. The team starts pushing at 09:00 on Monday.</p>
        ) : (
          <ol className="divide-y divide-border">
            {/* Keyed by place, not by event: at top speeds the whole list turns over on every beat,
                and rows that stay (most of them out of view, skipped by content-visibility) take
                new words instead of being thrown away and built again. */}
            {items.map((item, place) => (
              <FeedLine key={place} item={item} />
            ))}
          </ol>
        )}
      </div>
    </Panel>
  );
}
