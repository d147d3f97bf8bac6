"use client";

import { memo } from "react";
import { BaseEdge, getStraightPath, type EdgeProps } from "@xyflow/react";
import type { FlowEdge as FlowEdgeType } from "./flowElements";

/** A straight connection between stages at the height of the wells, so tokens ride on it. */
function FlowEdgeView({ sourceX, sourceY, targetX, targetY, data }: EdgeProps<FlowEdgeType>) {
  const [path] = getStraightPath({ sourceX, sourceY, targetX: targetX - 6, targetY });
  const held = data?.held ?? false;
  return (
    <>
      <BaseEdge
        path={path}
        style={{
          stroke: held ? "var(--status-failed)" : "var(--border-strong)",
          strokeWidth: 3,
          strokeDasharray: held ? "6 5" : undefined,
        }}
      />
      {/* Arrowhead drawn in place: no marker ids to keep unique across two diagrams on one page. */}
      <path
        d={`M ${targetX - 9} ${targetY - 6} L ${targetX} ${targetY} L ${targetX - 9} ${targetY + 6} Z`}
        fill={held ? "var(--status-failed)" : "var(--border-strong)"}
      />
    </>
  );
}

export const FlowEdge = memo(FlowEdgeView);
