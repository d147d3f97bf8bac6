/**
 * Where the diagram puts things, in flow coordinates: the stage boxes left to right inside the
 * CodePipeline frame, Production beside it, and the viewport that fits the design to a container.
 * Pure; no React.
 */
import type { StageId } from "@/machines/view/stages";

/** The width the diagram is designed for: at 1280 px wide it is drawn at zoom 1. */
export const DESIGN_WIDTH = 1248;
/** Height of the CodePipeline frame's title row. */
export const FRAME_HEADER = 40;
/** Room inside the frame left of Source, for a revision queueing at the entrance. */
export const FRAME_PAD_LEFT = 14;
export const FRAME_PAD = 12;
export const NODE_TOP = FRAME_HEADER + 4;
export const NODE_HEIGHT = 208;
export const DESIGN_HEIGHT = NODE_TOP + NODE_HEIGHT + FRAME_PAD;
/** Gap between stage cards: the edge a waiting revision sits on. */
export const GAP = 32;
/** Gap between the CodePipeline frame and Production. */
export const PRODUCTION_GAP = 36;
/** Vertical centre of a card's revision well: edges and tokens run at this height. */
export const WELL_Y = 92;
export const TOKEN_SIZE = 32;
/** Horizontal inset of a docked token from the card's left edge. */
export const WELL_INSET = 16;
/** How far a batch's stack of discs reaches right of its token (diagram.css, `--disc-3`). */
export const STACK_REACH = 12;
/** A card's content edge: its 2 px border and 10 px padding (StageNode.tsx). */
export const CARD_INSET = 12;

/**
 * Room the card's well leaves on its left for the docked token and its stack, as CSS: the token
 * grows by `--pl-token-scale` when the diagram is drawn small (PipelineDiagram.tsx), its stack with
 * it, so the revision id beside it is never covered (4 px apart).
 */
export const WELL_TOKEN_ROOM = `calc(${WELL_INSET + TOKEN_SIZE / 2 - CARD_INSET + 4}px + ${TOKEN_SIZE / 2 + STACK_REACH}px * var(--pl-token-scale, 1))`;

export interface StageBox {
  id: StageId;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  frame: { x: number; y: number; width: number; height: number };
  boxes: StageBox[];
  byId: Partial<Record<StageId, StageBox>>;
}

/** Places the stages left to right in the order work flows: the CodePipeline stages in a frame, then Production. */
export function layoutStages(stages: readonly StageId[]): DiagramLayout {
  const inFrame = stages.filter((s) => s !== "production");
  const hasProduction = stages.includes("production");
  const n = inFrame.length;
  const cards = n + (hasProduction ? 1 : 0);
  const fixed = FRAME_PAD_LEFT + FRAME_PAD + Math.max(0, n - 1) * GAP + (hasProduction ? PRODUCTION_GAP : 0);
  const width = Math.floor((DESIGN_WIDTH - fixed) / Math.max(1, cards));
  const boxes: StageBox[] = [];
  let x = FRAME_PAD_LEFT;
  for (const id of inFrame) {
    boxes.push({ id, x, y: NODE_TOP, width, height: NODE_HEIGHT });
    x += width + GAP;
  }
  const frameWidth = x - GAP + FRAME_PAD;
  if (hasProduction) boxes.push({ id: "production", x: frameWidth + PRODUCTION_GAP, y: NODE_TOP, width, height: NODE_HEIGHT });
  const byId: Partial<Record<StageId, StageBox>> = {};
  for (const box of boxes) byId[box.id] = box;
  return {
    width: DESIGN_WIDTH,
    height: DESIGN_HEIGHT,
    frame: { x: 0, y: 0, width: frameWidth, height: DESIGN_HEIGHT },
    boxes,
    byId,
  };
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** Fits the design into a container, centred, between a quarter and 1.6× its size. */
export function fitViewport(containerWidth: number, containerHeight: number, layout: Pick<DiagramLayout, "width" | "height">): Viewport {
  if (containerWidth <= 0 || containerHeight <= 0) return { x: 0, y: 0, zoom: 1 };
  const zoom = Math.min(1.6, Math.max(0.25, Math.min(containerWidth / layout.width, containerHeight / layout.height)));
  return {
    x: Math.round((containerWidth - layout.width * zoom) / 2),
    y: Math.round(Math.max(0, (containerHeight - layout.height * zoom) / 2)),
    zoom,
  };
}
