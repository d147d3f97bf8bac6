"use client";

import "@xyflow/react/dist/base.css";
import "./diagram.css";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type MouseEvent } from "react";
import { ReactFlow, ViewportPortal, type EdgeTypes, type NodeTypes } from "@xyflow/react";
import type { DiagramView } from "@/machines/view/diagramView";
import { MODE_INFO, type Mode } from "@/machines/world/modes";
import type { StageId } from "@/machines/view/stages";
import { STATUS_WORDS } from "@/machines/words";
import { DiagramFlagsContext } from "./flags";
import { FlowEdge } from "./FlowEdge";
import { FrameHeader, FrameNode } from "./FrameNode";
import { StageNode } from "./StageNode";
import { TokenLayer } from "./TokenLayer";
import { DiagramStore, DiagramStoreContext, cardKey, useDiagramValue } from "./store";
import { deriveEdges, deriveNodes, frameHeader, type DiagramNode, type FlowEdge as FlowEdgeType, type FrameHeaderData } from "./flowElements";
import { TOKEN_SIZE, fitViewport, layoutStages, type DiagramLayout, type Viewport } from "./layout";
import { deriveCards, sameCard, type StageNodeData } from "./stageCards";
import { deriveTokens, sameTokens, type Token } from "./tokens";
import { PublishPacer, pageGate, type Part } from "./pace";

// Module scope, as React Flow asks: new objects here would remount every node on each render.
const nodeTypes: NodeTypes = { stage: StageNode, frame: FrameNode };
const edgeTypes: EdgeTypes = { flow: FlowEdge };
const proOptions = { hideAttribution: false } as const;

/**
 * A live view to follow without re-rendering the diagram's parent on every frame: the diagram
 * subscribes and redraws only the parts that changed.
 */
export interface DiagramSource {
  getView(): DiagramView;
  subscribe(onChange: () => void): () => void;
}

export interface PipelineDiagramProps {
  /** What to draw: `diagramView(sim)`, or a plain PipelineView. With `source`, the first view. */
  view: DiagramView;
  /** Follow a running simulation (the live page); `view` is then only where it starts. */
  source?: DiagramSource;
  /** The mode, when the view does not carry it. */
  mode?: Mode;
  /** Accessible name of the region (two diagrams on one page need two names). */
  label?: string;
  /** The run is playing. Nothing in the diagram moves while paused. */
  playing?: boolean;
  /** Jump instead of glide; the CSS media query stops CSS motion too. */
  reducedMotion?: boolean;
  /** Events come too fast to follow (top speeds): no one-off flashes, tokens appear without a pop. */
  fast?: boolean;
  selectedStage?: StageId | null;
  /** Revision whose token is outlined (the commit being inspected). */
  selectedRevision?: number | null;
  onSelectStage?: (stage: StageId) => void;
  onSelectToken?: (token: Token) => void;
  /** Title of the CodePipeline frame. */
  frameTitle?: string;
  /** Show the simulated time in the frame's title row (default true). */
  showClock?: boolean;
  className?: string;
}

const sameHeader = (a: FrameHeaderData, b: FrameHeaderData) =>
  a.title === b.title && a.execution === b.execution && a.clock === b.clock && a.working === b.working;

const summaryOf = (modeName: string, v: DiagramView) => `${modeName}. ${v.stages.map((s) => `${s.name}: ${STATUS_WORDS[s.status]}`).join(", ")}.`;

/** What the diagram re-renders for (React Flow's nodes and edges); everything else goes to the store. */
const shapeOf = (v: DiagramView) => `${v.mode ?? ""}|${v.held ? "held" : ""}|${v.stages.map((s) => s.id).join(",")}`;

const sameKeys = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((k) => b.has(k));

interface Published {
  cards: Partial<Record<StageId, StageNodeData>>;
  tokens: Token[];
  header: FrameHeaderData;
  failedKeys: ReadonlySet<string>;
}

/**
 * Hands the frame's data to the parts that draw it: everything, or at top speeds only `part` (see
 * pace.ts): half of the cards, the other half, or the tokens and the title row.
 */
function publish(store: DiagramStore, data: Published, part: Part | null = null) {
  const cards = Object.entries(data.cards) as [StageId, StageNodeData][];
  const half = Math.ceil(cards.length / 2);
  cards.forEach(([id, card], i) => {
    if (part === null || part === (i < half ? 0 : 1)) store.set(cardKey(id), card, sameCard);
  });
  if (part === null || part === 2) {
    store.set("tokens", data.tokens, sameTokens);
    store.set("failedKeys", data.failedKeys, sameKeys);
    store.set("header", data.header, sameHeader);
  }
}

function derive(
  view: DiagramView,
  layout: DiagramLayout,
  selectedStage: StageId | null,
  frameTitle: string | undefined,
  showClock: boolean,
  fast = false,
  part: Part | null = null,
): Published {
  // At top speeds only the part this frame publishes is worth deriving (see publish).
  const tokensToo = part === null || part === 2;
  return {
    cards: part === 2 ? {} : deriveCards(view, { selectedStage }),
    tokens: tokensToo ? deriveTokens(view, layout, { fast }) : [],
    header: frameHeader(view, { frameTitle, showClock }),
    failedKeys: tokensToo ? new Set(Object.values(view.lastFailure ?? {}).map((f) => `x${f.execution}`)) : new Set(),
  };
}

const NO_TOKENS: Token[] = [];

/** Smallest size of a commit token on screen, in CSS pixels: a pointer target of at least 24 (WCAG 2.5.8). */
const MIN_TOKEN_PX = 26;

/** How much tokens grow beyond the diagram's zoom so that, drawn small, they stay readable and easy to hit. */
export function tokenScale(zoom: number): string {
  return String(Math.max(1, MIN_TOKEN_PX / (TOKEN_SIZE * zoom)));
}

/** The tokens, from the store, so they re-render without React Flow doing so. */
const LiveTokens = memo(function LiveTokens({
  selectedRevision,
  onSelect,
  reducedMotion,
  fast,
}: {
  selectedRevision: number | null;
  onSelect?: (token: Token) => void;
  reducedMotion: boolean;
  fast: boolean;
}) {
  const tokens = useDiagramValue("tokens") ?? NO_TOKENS;
  const failedKeys = useDiagramValue("failedKeys");
  return (
    <TokenLayer tokens={tokens} failedKeys={failedKeys} selectedRevision={selectedRevision} onSelect={onSelect} reducedMotion={reducedMotion} fast={fast} />
  );
});

/**
 * The pipeline as a React Flow diagram: CodePipeline's stages left to right in a frame, Production
 * beside it, and the revisions in flight as tokens riding the edges. Purely presentational: it draws
 * the view it is given and reports clicks, so the live page and the comparison can both use it.
 *
 * React Flow gets nodes that only change with the mode's stages; each card, the tokens and the
 * title row read what changes from frame to frame from a store this component publishes to.
 */
export function PipelineDiagram({
  view: initialView,
  source,
  mode,
  label = "Pipeline",
  playing = false,
  reducedMotion = false,
  fast = false,
  selectedStage = null,
  selectedRevision = null,
  onSelectStage,
  onSelectToken,
  frameTitle,
  showClock = true,
  className = "",
}: PipelineDiagramProps) {
  // With a source, the diagram re-renders itself only when the mode, its stages or the held line
  // change; what changes every frame goes to the store.
  const [followed, setFollowed] = useState<DiagramView>(initialView);
  const view = source ? followed : initialView;
  const idsKey = view.stages.map((s) => s.id).join(",");
  const layout = useMemo(() => layoutStages(idsKey.split(",") as StageId[]), [idsKey]);

  const containerRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    // Measured when the observer reports, after the browser's own layout: measured here, right after
    // the commit, it made the browser lay out the new page inside React's task (issue 13). The
    // diagram is drawn once its size is known.
    const observer = new ResizeObserver(() => setSize({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const viewport: Viewport = useMemo(() => (size ? fitViewport(size.width, size.height, layout) : { x: 0, y: 0, zoom: 1 }), [size, layout]);

  const modeName = MODE_INFO[view.mode ?? mode ?? "delivery"].name;

  // The store starts with the first view's data, so the first render already shows it; after that
  // it is published to after commit (below), so its readers update in the same frame.
  const [store] = useState(() => {
    const created = new DiagramStore();
    publish(created, derive(view, layout, selectedStage, frameTitle, showClock));
    return created;
  });
  const [pacer] = useState(() => new PublishPacer(pageGate));
  useLayoutEffect(() => {
    const draw = (v: DiagramView, part: Part | null) => {
      publish(store, derive(v, layout, selectedStage, frameTitle, showClock, fast, part), part);
      if (part !== null && part !== 2) return;
      // Written only when they change: a text node replaced every frame costs a layout every frame.
      const inFlight = String(v.inFlight ?? 0);
      if (sectionRef.current && sectionRef.current.getAttribute("data-in-flight") !== inFlight) sectionRef.current.setAttribute("data-in-flight", inFlight);
      const summary = summaryOf(modeName, v);
      if (summaryRef.current && summaryRef.current.textContent !== summary) summaryRef.current.textContent = summary;
    };
    if (!source) {
      draw(view, null);
      return;
    }
    const follow = (part: Part | null) => {
      const v = source.getView();
      if (shapeOf(v) !== shapeOf(view)) setFollowed(v);
      // Cards and tokens can follow at once unless the stages themselves changed (a new layout).
      if (v.stages.map((s) => s.id).join(",") === idsKey) draw(v, part);
    };
    follow(null);
    pacer.published(performance.now());
    // At top speeds one part a frame, a few times a second each (pace.ts); else every change at once.
    return source.subscribe(() => {
      if (!fast) return follow(null);
      // The frame's start time, the same for every diagram that follows a run in this frame.
      const now = performance.now();
      const part = pacer.next(now, Number(document.timeline.currentTime ?? now));
      if (part !== null) follow(part);
    });
  }, [store, pacer, source, view, idsKey, layout, selectedStage, frameTitle, showClock, fast, modeName]);

  // React Flow's nodes and edges change only with the mode's stages, the held line and the title.
  const nodes = useMemo(() => deriveNodes(view, layout, { frameTitle }), [view, layout, frameTitle]);
  const edges = useMemo(() => deriveEdges(view), [view]);

  const onNodeClick = useCallback(
    (_: MouseEvent, node: DiagramNode) => {
      if (node.type === "stage") onSelectStage?.(node.data.stage);
    },
    [onSelectStage],
  );

  const flags = useMemo(() => ({ playing, reducedMotion, fast }), [playing, reducedMotion, fast]);

  // The React Flow element itself only changes with the layout, the size and the handlers.
  const flow = useMemo(
    () =>
      size && (
        <ReactFlow<DiagramNode, FlowEdgeType>
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          viewport={viewport}
          onNodeClick={onNodeClick}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable={false}
          panOnDrag={false}
          panOnScroll={false}
          zoomOnScroll={false}
          zoomOnPinch={false}
          zoomOnDoubleClick={false}
          preventScrolling={false}
          disableKeyboardA11y
          proOptions={proOptions}
          attributionPosition="bottom-right"
          minZoom={0.25}
          maxZoom={1.6}
        >
          <ViewportPortal>
            <FrameHeader x={layout.frame.x} y={layout.frame.y} width={layout.frame.width} />
            <LiveTokens selectedRevision={selectedRevision} onSelect={onSelectToken} reducedMotion={reducedMotion} fast={fast} />
          </ViewportPortal>
        </ReactFlow>
      ),
    [size, nodes, edges, viewport, onNodeClick, layout, selectedRevision, onSelectToken, reducedMotion, fast],
  );

  return (
    <section
      ref={sectionRef}
      aria-label={label}
      aria-roledescription="pipeline diagram"
      data-mode={view.mode ?? mode}
      data-in-flight={view.inFlight ?? undefined}
      data-fast={fast ? "true" : undefined}
      className={`pl-diagram relative [contain:strict] ${className}`}
      style={{ "--pl-token-scale": tokenScale(viewport.zoom) } as CSSProperties}
    >
      <p ref={summaryRef} className="sr-only">
        {summaryOf(modeName, view)}
      </p>
      <div ref={containerRef} className="absolute inset-0">
        <DiagramStoreContext.Provider value={store}>
          <DiagramFlagsContext.Provider value={flags}>{flow}</DiagramFlagsContext.Provider>
        </DiagramStoreContext.Provider>
      </div>
    </section>
  );
}
