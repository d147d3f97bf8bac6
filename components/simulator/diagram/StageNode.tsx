"use client";

import { memo, useEffect, useRef } from "react";
import { Handle, Position, type NodeProps } from "@xyflow/react";
import { X as XIcon } from "lucide-react";
import { STATUS } from "@/components/site/status";
import type { StageNode as StageNodeType } from "./flowElements";
import { WELL_TOKEN_ROOM, WELL_Y } from "./layout";
import type { StageNodeData } from "./stageCards";
import { cardKey, useDiagramValue } from "./store";
import { STAGE_ICONS } from "./stageIcons";
import { useDiagramFlags } from "./flags";

const handleStyle = { top: WELL_Y } as const;

const SHAKE: Keyframe[] = [
  { translate: "0 0" },
  { translate: "-6px 0" },
  { translate: "6px 0" },
  { translate: "-4px 0" },
  { translate: "3px 0" },
  { translate: "0 0" },
];
const RING: Keyframe[] = [
  { opacity: 1, scale: "1" },
  { opacity: 0, scale: "1.06" },
];

/**
 * Plays a card's one-off flash when its flash key changes: a ring that fades out, plus a single
 * shake for a failure. Never on the first render (opening the page is not an event), never with
 * reduced motion, and without re-rendering the card (transform and opacity only).
 */
function useFlash(flashKey: string | null, flash: "failed" | "deployed" | null, quiet: boolean) {
  const cardRef = useRef<HTMLSpanElement>(null);
  const ringRef = useRef<HTMLSpanElement>(null);
  const seen = useRef<string | null | undefined>(undefined);
  const lastAt = useRef(-Infinity);
  useEffect(() => {
    const first = seen.current === undefined;
    const changed = seen.current !== flashKey;
    seen.current = flashKey;
    if (first || !changed || !flashKey || !flash || quiet) return;
    // At most one flash a second per card: a burst of events is one event to the eye.
    const now = performance.now();
    if (now - lastAt.current < 1000) return;
    lastAt.current = now;
    ringRef.current?.animate(RING, { duration: 900, easing: "ease-out" });
    if (flash === "failed") cardRef.current?.animate(SHAKE, { duration: 420, easing: "ease-in-out" });
  }, [flashKey, flash, quiet]);
  return { cardRef, ringRef };
}

/**
 * One stage card: name and AWS service, the revision it holds (the token docks in the well),
 * status as icon + word + colour, and what waits or was superseded. The card is a button that opens
 * the stage inspector; its accessible name says all of the above.
 */
function StageNodeView({ data: ref }: NodeProps<StageNodeType>) {
  const data = useDiagramValue(cardKey(ref.stage));
  if (!data) return null;
  return <StageCard data={data} />;
}

/** Name, service and stage icon: the same for the whole run but for the icon's colour. */
const CardTitle = memo(function CardTitle({ stage, name, service, ink }: { stage: StageNodeData["stage"]; name: string; service: string; ink: string }) {
  const StageIcon = STAGE_ICONS[stage];
  return (
    <>
      <span className="block h-[28px] truncate text-[1.375rem] leading-[28px] font-extrabold tracking-tight text-text">{name}</span>{" "}
      <span className="flex h-[22px] items-center gap-1.5 text-base leading-[22px] text-text-muted">
        <StageIcon aria-hidden="true" className={`size-[18px] shrink-0 ${ink}`} strokeWidth={2.5} />
        <span className="truncate">{service}</span>
      </span>
    </>
  );
});

const wellWithToken = { paddingLeft: WELL_TOKEN_ROOM } as const;

/**
 * What the revision in the well holds: "117 to ship", "3 commits", "799 shipped": the number in
 * bold, its words a size smaller so they fit beside it. The number is never cut: should the words
 * still not fit (a batch of thousands), they wrap out of sight and the number stays, as the token
 * beside it shows it; the card's accessible name keeps the words.
 */
function Holds({ text }: { text: string }) {
  const space = text.indexOf(" ");
  if (space < 0 || !/^\d/.test(text)) return <span className="truncate text-base text-text-muted">{text}</span>;
  return (
    <span className="flex h-5 flex-wrap items-baseline gap-x-1 overflow-hidden leading-5 tracking-tight text-text-muted">
      <span className="text-base font-semibold text-text tabular-nums">{text.slice(0, space)}</span> <span className="text-sm">{text.slice(space + 1)}</span>
    </span>
  );
}

/** The well: a docked token sits on its left, the revision beside it. */
const CardWell = memo(function CardWell({ sha, holds, last }: { sha: string | null; holds: string | null; last: string | null }) {
  return (
    <span
      className={`mt-1.5 flex h-[44px] shrink-0 items-center rounded-lg bg-surface-sunken pr-1.5 ${sha ? "" : "pl-3"}`}
      style={sha ? wellWithToken : undefined}
    >
      {sha ? (
        <span className="flex min-w-0 flex-col leading-tight">
          <code className="truncate text-base font-bold text-text">{sha}</code> {holds && <Holds text={holds} />}
        </span>
      ) : (
        <span className="truncate text-base text-text-muted">
          {last ? (
            <>
              Last <code className="font-semibold">{last}</code>
            </>
          ) : (
            (holds ?? "Empty")
          )}
        </span>
      )}
    </span>
  );
});

const CardStatus = memo(function CardStatus({ status }: { status: StageNodeData["status"] }) {
  const style = STATUS[status];
  const StatusIcon = style.Icon;
  return (
    <span className="mt-2 flex h-[26px]">
      <span className={`inline-flex max-w-full items-center gap-1.5 rounded-full px-2.5 text-base leading-none font-bold ${style.chip}`}>
        <StatusIcon aria-hidden="true" className="size-[1.1em] shrink-0" strokeWidth={2.75} />
        {style.label}
      </span>
    </span>
  );
});

const CardLines = memo(function CardLines({ detail, lastFailed, counts }: { detail: string | null; lastFailed: string | null; counts: string | null }) {
  return (
    <>
      {detail || !lastFailed ? (
        <span className="mt-1 block h-[22px] truncate text-base leading-[22px] font-semibold text-text">{detail}</span>
      ) : (
        <span
          className="mt-1 flex h-[22px] items-center gap-1 text-base leading-[22px] font-semibold text-status-failed-ink"
          title={`The last run here failed: ${lastFailed}`}
        >
          <XIcon aria-hidden="true" className="size-4 shrink-0" strokeWidth={3} />
          <span className="truncate">{lastFailed}</span>
        </span>
      )}{" "}
      <span className="block h-[22px] truncate text-base leading-[22px] text-text-muted">{counts}</span>
    </>
  );
});

function StageCard({ data }: { data: StageNodeData }) {
  const { reducedMotion, fast } = useDiagramFlags();
  const status = STATUS[data.status];
  const { cardRef, ringRef } = useFlash(data.flashKey, data.flash, reducedMotion || fast);
  return (
    <>
      <Handle type="target" position={Position.Left} style={handleStyle} isConnectable={false} />
      <button
        type="button"
        aria-label={data.label}
        aria-pressed={data.selected}
        data-stage-card={data.stage}
        data-status={data.status}
        className={`group relative block h-full w-full cursor-pointer rounded-xl text-left outline-offset-4 [contain:layout_style] ${
          data.selected ? "outline-3 outline-accent" : ""
        }`}
      >
        <span ref={ringRef} aria-hidden="true" className="pl-ring" data-flash={data.flash ?? undefined} />
        <span
          ref={cardRef}
          className={`flex h-full w-full flex-col overflow-hidden rounded-xl border-2 bg-surface-raised shadow-sm group-hover:border-text ${status.border}`}
        >
          <span aria-hidden="true" className={`h-1.5 shrink-0 ${status.bar}`} />
          <span className="flex min-h-0 flex-1 flex-col px-2.5 pt-1.5 pb-2">
            {/* The spaces are not drawn (flex items), but they part the words of the card's text,
                which must match its accessible name (WCAG 2.5.3). */}
            <CardTitle stage={data.stage} name={data.name} service={data.service} ink={status.ink} />{" "}
            <CardWell sha={data.sha} holds={data.holds} last={data.last} /> <CardStatus status={data.status} />{" "}
            <CardLines detail={data.detail} lastFailed={data.lastFailed} counts={data.counts} />
          </span>
        </span>
      </button>
      <Handle type="source" position={Position.Right} style={handleStyle} isConnectable={false} />
    </>
  );
}

export const StageNode = memo(StageNodeView);
