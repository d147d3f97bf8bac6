/**
 * The React Flow elements: the CodePipeline frame with its title row, one node per stage placed by
 * the layout, and the edges between stages. Nodes and edges depend only on which stages the mode
 * has, so they stay the same objects while the run plays; the cards' contents live in
 * `stageCards.ts`. Pure; no React.
 */
import type { Edge, Node } from "@xyflow/react";
import { formatClock, isWorkingTime } from "@/machines/sim/calendar";
import type { DiagramView } from "@/machines/view/diagramView";
import type { StageId } from "@/machines/view/stages";
import type { DiagramLayout } from "./layout";

export interface FrameNodeData extends Record<string, unknown> {
  title: string;
}

/** The frame's title row, drawn over the frame so the node itself never changes. */
export interface FrameHeaderData {
  title: string;
  /** "execution #142 · 3f2a1c1": the newest CodePipeline execution. */
  execution: string;
  /** The simulated time, "Tue 14:05, day 8", or null to leave it out. */
  clock: string | null;
  /** Inside working hours (the team pushes) or not. */
  working: boolean;
}

export const DEFAULT_FRAME_TITLE = "AWS CodePipeline · shop-web";

export function frameHeader(view: DiagramView, options: Pick<NodeOptions, "frameTitle" | "showClock"> = {}): FrameHeaderData {
  return {
    title: options.frameTitle ?? DEFAULT_FRAME_TITLE,
    execution: view.head && view.head > 0 ? `execution #${view.head}${view.headSha ? ` · ${view.headSha}` : ""}` : "no execution yet",
    clock: options.showClock === false ? null : formatClock(Math.floor(view.now)),
    working: isWorkingTime(view.now),
  };
}

/** What React Flow holds for a stage: only which stage it is. Its card data lives in the diagram store. */
export interface StageNodeRef extends Record<string, unknown> {
  stage: StageId;
}

export type StageNode = Node<StageNodeRef, "stage">;
export type FrameNode = Node<FrameNodeData, "frame">;
export type DiagramNode = StageNode | FrameNode;

export interface FlowEdgeData extends Record<string, unknown> {
  /** The line is stopped before this stage (revisions with a known defect are held). */
  held: boolean;
}

export type FlowEdge = Edge<FlowEdgeData, "flow">;

/** Shallow equality of two data objects, so unchanged nodes and cards keep their identity. */
export function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

export interface NodeOptions {
  selectedStage?: StageId | null;
  frameTitle?: string;
  /** Show the simulated time in the frame's title row (default true). */
  showClock?: boolean;
}

/**
 * The React Flow nodes for a view: the CodePipeline frame and one node per stage, placed by the
 * layout. They depend only on which stages the mode has, so they stay the same objects while the
 * run plays (pass the previous result as `previous`); what a card shows comes from `deriveCards`.
 */
export function deriveNodes(view: DiagramView, layout: DiagramLayout, options: NodeOptions = {}, previous: readonly DiagramNode[] = []): DiagramNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  const reuse = <T extends DiagramNode>(next: T): T => {
    const old = before.get(next.id) as T | undefined;
    if (
      old &&
      old.type === next.type &&
      old.position.x === next.position.x &&
      old.position.y === next.position.y &&
      old.width === next.width &&
      sameData(old.data, next.data)
    ) {
      return old;
    }
    return next;
  };

  const nodes: DiagramNode[] = [];
  const title = options.frameTitle ?? DEFAULT_FRAME_TITLE;
  nodes.push(
    reuse<FrameNode>({
      id: "frame",
      type: "frame",
      position: { x: layout.frame.x, y: layout.frame.y },
      width: layout.frame.width,
      height: layout.frame.height,
      data: { title },
      draggable: false,
      selectable: false,
      focusable: false,
      ariaRole: "group",
      ariaLabel: title,
      zIndex: 0,
    }),
  );
  for (const stage of view.stages) {
    const box = layout.byId[stage.id];
    if (!box) continue;
    nodes.push(
      reuse<StageNode>({
        id: stage.id,
        type: "stage",
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        data: { stage: stage.id },
        draggable: false,
        selectable: false,
        focusable: false,
        ariaRole: "group",
        ariaLabel: `${stage.name} stage`,
        zIndex: 1,
      }),
    );
  }
  return nodes;
}

/** Edges between consecutive stages. The edge into Deploy shows when the line is held. */
export function deriveEdges(view: DiagramView, previous: readonly FlowEdge[] = []): FlowEdge[] {
  const before = new Map(previous.map((e) => [e.id, e]));
  const edges: FlowEdge[] = [];
  const ids = view.stages.map((s) => s.id);
  for (let i = 1; i < ids.length; i++) {
    const source = ids[i - 1]!;
    const target = ids[i]!;
    const id = `${source}->${target}`;
    const held = view.held && target === "deploy";
    const old = before.get(id);
    if (old && old.source === source && old.target === target && old.data?.held === held) {
      edges.push(old);
      continue;
    }
    edges.push({
      id,
      type: "flow",
      source,
      target,
      data: { held },
      focusable: false,
      selectable: false,
      // The cards and their names carry the meaning; the connecting lines are decoration.
      domAttributes: { "aria-hidden": true },
    });
  }
  return edges;
}
