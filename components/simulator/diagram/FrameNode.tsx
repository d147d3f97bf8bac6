"use client";

import { memo } from "react";
import { Moon, Sun, Workflow } from "lucide-react";
import type { NodeProps } from "@xyflow/react";
import type { FrameHeaderData, FrameNode as FrameNodeType } from "./flowElements";
import { FRAME_HEADER } from "./layout";
import { useDiagramValue } from "./store";

/** The CodePipeline around the stages it orchestrates (Production sits outside it). */
function FrameNodeView(_: NodeProps<FrameNodeType>) {
  return <div className="pointer-events-none h-full w-full rounded-2xl border-2 border-dashed border-border-strong bg-surface-sunken/60" />;
}

export const FrameNode = memo(FrameNodeView);

/**
 * The frame's title row: the pipeline, its newest execution and the simulated time. Drawn over the
 * frame (in flow coordinates) so that the clock ticking does not touch React Flow's nodes.
 */
const ClockIcon = memo(function ClockIcon({ working }: { working: boolean }) {
  const Clock = working ? Sun : Moon;
  return <Clock aria-hidden="true" className={`size-5 ${working ? "text-status-waiting-ink" : "text-text-muted"}`} strokeWidth={2.5} />;
});

const FrameIcon = <Workflow aria-hidden="true" className="size-5 shrink-0 text-status-working-ink" strokeWidth={2.5} />;

function FrameHeaderView({ header, x, y, width }: { header: FrameHeaderData; x: number; y: number; width: number }) {
  return (
    <div
      className="pointer-events-none absolute flex items-center gap-2 px-3.5"
      style={{ transform: `translate(${x}px, ${y}px)`, width, height: FRAME_HEADER }}
    >
      {FrameIcon}
      <span className="text-lg font-bold whitespace-nowrap text-text">{header.title}</span>
      <span className="truncate text-base text-text-muted">· {header.execution}</span>
      {header.clock && (
        <span
          className="pointer-events-auto ml-auto flex shrink-0 items-center gap-1.5 text-lg font-bold whitespace-nowrap text-text tabular-nums"
          title={header.working ? "Working hours: the team pushes commits" : "Outside working hours: nobody pushes and time passes faster"}
        >
          <ClockIcon working={header.working} />
          <span className="sr-only">Simulated time: </span>
          <time data-testid="sim-clock">{header.clock}</time>
        </span>
      )}
    </div>
  );
}

/** The title row, reading its words from the diagram store. */
export const FrameHeader = memo(function FrameHeader({ x, y, width }: { x: number; y: number; width: number }) {
  const header = useDiagramValue<FrameHeaderData>("header");
  return header ? <FrameHeaderView header={header} x={x} y={y} width={width} /> : null;
});
