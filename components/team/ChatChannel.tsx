"use client";

import { Bot, CircleAlert, CircleCheck, CircleX, Hash, Info, MessageSquareText, ThumbsDown, ThumbsUp, type LucideIcon } from "lucide-react";
import { memo, useId, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import { buttonClasses } from "@/components/ui/Button";
import { Card } from "@/components/monitoring/ui";
import { formatTime } from "@/machines/sim/calendar";
import { CHANNEL, type ChatMessage, type PendingApproval } from "@/machines/view/chatops";
import type { Tone } from "@/machines/narration/describeEvent";

const TONE: Record<Tone, { Icon: LucideIcon; ink: string; edge: string; word: string }> = {
  info: { Icon: Info, ink: "text-text-muted", edge: "border-transparent", word: "" },
  good: { Icon: CircleCheck, ink: "text-status-succeeded-ink", edge: "border-status-succeeded", word: "Good news" },
  bad: { Icon: CircleX, ink: "text-status-failed-ink", edge: "border-status-failed", word: "Problem" },
  warn: { Icon: CircleAlert, ink: "text-status-waiting-ink", edge: "border-status-waiting", word: "Warning" },
  action: { Icon: MessageSquareText, ink: "text-status-working-ink", edge: "border-status-working", word: "Needs a decision" },
};

/**
 * The chat-ops channel: the run's events as the team would say them in chat (pushes, failed builds
 * with the author mentioned, approvals with their comments, alarms, incident hand-offs, postmortem
 * notes). When a revision waits at Approval the learner can approve or reject it here, with a
 * comment that then appears in the channel.
 */
export function ChatChannel({
  messages,
  approval,
  canDecide,
  hasApproval,
  onDecide,
}: {
  messages: readonly ChatMessage[];
  approval: PendingApproval | null;
  /** The runner would take Approve or Reject now (`snapshot.can`). */
  canDecide: boolean;
  /** The mode has an Approval stage at all. */
  hasApproval: boolean;
  onDecide: (approve: boolean, comment: string) => void;
}) {
  const headingId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);

  // Follow new messages while the reader is at the bottom; leave them alone when they scrolled up.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [messages]);

  return (
    <Card
      title={
        <>
          Chat-ops <span className="font-mono text-lg font-semibold text-text-muted">{CHANNEL}</span>
        </>
      }
      Icon={Hash}
      labelledBy={headingId}
      className="min-h-0"
    >
      <div
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={`Messages in ${CHANNEL}, oldest first`}
        onScroll={(e) => {
          const el = e.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
        className="relative h-[26rem] overflow-y-auto rounded-xl border border-border bg-surface xl:h-[30rem]"
      >
        {messages.length === 0 ? (
          <p className="p-4 text-base text-text-muted">Quiet so far. Press Play: pushes, builds, approvals and alarms show up here.</p>
        ) : (
          <ol className="flex flex-col">
            {messages.map((m) => (
              <Message key={m.seq} message={m} />
            ))}
          </ol>
        )}
      </div>
      <Composer approval={approval} canDecide={canDecide} hasApproval={hasApproval} onDecide={onDecide} />
    </Card>
  );
}

/** A message never changes once said: re-render only when a new one arrives. */
const Message = memo(
  function Message({ message: m }: { message: ChatMessage }) {
    const tone = TONE[m.tone];
    const bot = m.speaker.kind === "bot";
    return (
      <li className={`flex gap-3 border-l-4 px-3 py-2 ${tone.edge} ${m.forYou ? "bg-surface-sunken" : ""}`}>
        <span
          aria-hidden="true"
          className={`mt-0.5 flex size-9 shrink-0 items-center justify-center rounded-lg text-base font-bold ${
            bot
              ? "bg-surface-sunken text-text-muted ring-1 ring-border"
              : m.speaker.kind === "you"
                ? "bg-accent text-on-accent"
                : "bg-status-working text-on-status-working"
          }`}
        >
          {bot ? <Bot className="size-5" strokeWidth={2.25} /> : m.speaker.name.slice(0, 1)}
        </span>
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-bold">{m.speaker.name}</span>
            {bot ? <span className="rounded bg-surface-sunken px-1.5 text-base leading-snug font-semibold text-text-muted ring-1 ring-border">bot</span> : null}
            {m.speaker.title ? <span className="text-base text-text-muted">{m.speaker.title}</span> : null}
            <time className="ml-auto text-base text-text-muted tabular-nums">{formatTime(m.t)}</time>
          </p>
          <p className="flex gap-1.5 text-base leading-snug break-words">
            {m.tone !== "info" ? (
              <>
                <tone.Icon aria-hidden="true" className={`mt-1 size-4 shrink-0 ${tone.ink}`} strokeWidth={2.5} />
                <span className="sr-only">{tone.word}: </span>
              </>
            ) : null}
            <span className="min-w-0">
              {m.parts.map((part, i) =>
                "text" in part ? (
                  <span key={i}>{part.text}</span>
                ) : (
                  <span key={i} className={`rounded px-1 font-semibold ${part.known ? "bg-status-working text-on-status-working" : "text-text"}`}>
                    @{part.mention}
                  </span>
                ),
              )}
            </span>
          </p>
        </div>
      </li>
    );
  },
  (a, b) => a.message.seq === b.message.seq && a.message.forYou === b.message.forYou,
);

/** Where the learner answers an approval request, with a comment. */
function Composer({
  approval,
  canDecide,
  hasApproval,
  onDecide,
}: {
  approval: PendingApproval | null;
  canDecide: boolean;
  hasApproval: boolean;
  onDecide: (approve: boolean, comment: string) => void;
}) {
  const inputId = useId();
  const promptId = useId();
  const revision = approval?.revision;
  const [comment, setComment] = useState("");
  // A new request starts with an empty comment. Reset while rendering, not in an effect, so the
  // old comment is never shown under the new request (react.dev: "Adjusting some state when a
  // prop changes").
  const [commentFor, setCommentFor] = useState(revision);
  if (commentFor !== revision) {
    setCommentFor(revision);
    setComment("");
  }

  const decide = (approve: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    onDecide(approve, comment.trim());
    setComment("");
  };

  if (!approval || (!canDecide && !approval.inTicketQueue)) {
    return (
      <p className="mt-3 text-base leading-snug text-text-muted">
        {hasApproval
          ? "No approval waiting. When a revision reaches Approval you can approve or reject it here, with a comment the team sees."
          : "This mode has no Approval stage: nobody approves releases, so there is nothing to decide here."}
      </p>
    );
  }
  if (approval.inTicketQueue) {
    return (
      <p className="mt-3 text-base leading-snug font-semibold text-status-waiting-ink">
        {approval.sha} asks for approval, but the request sits in the Ops ticket queue: nobody can decide yet.
      </p>
    );
  }
  return (
    <form onSubmit={decide(true)} className="mt-3 flex flex-col gap-2" aria-describedby={promptId}>
      <p id={promptId} className="text-base leading-snug">
        <span className="font-bold">{approval.sha}</span> by {approval.author} waits for approval: it would ship{" "}
        <span className="font-bold">
          {approval.pendingCommits} commit{approval.pendingCommits === 1 ? "" : "s"}
        </span>{" "}
        to production.
      </p>
      <label htmlFor={inputId} className="sr-only">
        Comment
      </label>
      <input
        id={inputId}
        type="text"
        value={comment}
        maxLength={200}
        onChange={(e) => setComment(e.target.value)}
        placeholder="Comment for the team (optional)"
        className="min-h-11 w-full rounded-lg border-2 border-border-strong bg-surface-raised px-3 text-base placeholder:text-text-muted"
      />
      <div className="flex flex-wrap justify-end gap-2">
        <button type="submit" className={buttonClasses("approve", "md")}>
          <ThumbsUp aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Approve
        </button>
        <button type="button" onClick={decide(false)} className={buttonClasses("reject", "md")}>
          <ThumbsDown aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Reject
        </button>
      </div>
    </form>
  );
}
