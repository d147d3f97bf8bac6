/**
 * Pure derivation of the React Flow graph (nodes, edges) and of the commit tokens from a
 * PipelineView. No React here: the diagram component calls these with the view of the moment and
 * reuses unchanged objects, so memoised nodes skip rendering when nothing about them changed.
 */
import type { Edge, Node } from '@xyflow/react';
import type { DiagramView } from '@/machines/view/diagramView';
import { reasonWords, type StageView } from '@/machines/view/pipelineView';
import { STATUS_WORDS, type StageId, type Status } from '@/machines/view/stages';
import { formatClock, isWorkingTime } from '@/machines/sim/calendar';

// ---------------------------------------------------------------- layout (flow coordinates)

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
  const inFrame = stages.filter((s) => s !== 'production');
  const hasProduction = stages.includes('production');
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
  if (hasProduction) boxes.push({ id: 'production', x: frameWidth + PRODUCTION_GAP, y: NODE_TOP, width, height: NODE_HEIGHT });
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
export function fitViewport(containerWidth: number, containerHeight: number, layout: Pick<DiagramLayout, 'width' | 'height'>): Viewport {
  if (containerWidth <= 0 || containerHeight <= 0) return { x: 0, y: 0, zoom: 1 };
  const zoom = Math.min(1.6, Math.max(0.25, Math.min(containerWidth / layout.width, containerHeight / layout.height)));
  return {
    x: Math.round((containerWidth - layout.width * zoom) / 2),
    y: Math.round(Math.max(0, (containerHeight - layout.height * zoom) / 2)),
    zoom,
  };
}

// ---------------------------------------------------------------- nodes

export interface StageNodeData extends Record<string, unknown> {
  stage: StageId;
  name: string;
  service: string;
  status: Status;
  /** Revision shown in the card's well. */
  sha: string | null;
  /** Under the sha: "4 commits", "27 to ship", "12 shipped". */
  holds: string | null;
  /** The revision the stage last finished, shown muted while it is idle. */
  last: string | null;
  /** Why the status is what it is, when the status word alone does not say it. */
  detail: string | null;
  /** The stage's last run failed although it has moved on to the next revision: "Compile error". */
  lastFailed: string | null;
  /** "3 superseded", "12 deployments". */
  counts: string | null;
  selected: boolean;
  /** Replays the card's one-off flash when it changes. */
  flashKey: string | null;
  flash: 'failed' | 'deployed' | null;
  /** Accessible name: the stage, its status and what it holds. */
  label: string;
}

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

export const DEFAULT_FRAME_TITLE = 'AWS CodePipeline · shop-web';

export function frameHeader(view: DiagramView, options: Pick<NodeOptions, 'frameTitle' | 'showClock'> = {}): FrameHeaderData {
  return {
    title: options.frameTitle ?? DEFAULT_FRAME_TITLE,
    execution: view.head && view.head > 0 ? `execution #${view.head}${view.headSha ? ` · ${view.headSha}` : ''}` : 'no execution yet',
    clock: options.showClock === false ? null : formatClock(Math.floor(view.now)),
    working: isWorkingTime(view.now),
  };
}

/** What React Flow holds for a stage: only which stage it is. Its card data lives in the diagram store. */
export interface StageNodeRef extends Record<string, unknown> {
  stage: StageId;
}

export type StageNode = Node<StageNodeRef, 'stage'>;
export type FrameNode = Node<FrameNodeData, 'frame'>;
export type DiagramNode = StageNode | FrameNode;

export interface FlowEdgeData extends Record<string, unknown> {
  /** The line is stopped before this stage (revisions with a known defect are held). */
  held: boolean;
}

export type FlowEdge = Edge<FlowEdgeData, 'flow'>;

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Short words for a card (about 16 characters fit); the full words go to the accessible name. */
const CARD_WORDS: Record<string, string> = {
  'Waiting for your decision': 'Your decision',
  'Waiting for the approver': 'Approver decides',
  'Waiting for release day': 'Release day',
  'Ticket in the Ops queue': 'Ops ticket queue',
  'Waiting for the scheduled release': 'Next hand deploy',
  'Deploying by hand': 'Deploying by hand',
  'compile error': 'Compile error',
  'a test caught a defect': 'Defect caught',
  'flaky test': 'Flaky test',
  'a manual step went wrong': 'Manual step failed',
  'deploy failed': 'Deploy failed',
  'rejected': 'Rejected',
  'Rolled back to a good revision': 'Rolled back',
};

/** The words a stage card shows, derived from its StageView. */
export function stageCardData(stage: StageView, view: DiagramView, selected: boolean): StageNodeData {
  let sha: string | null = null;
  let holds: string | null = null;
  let detail: string | null = stage.detail;
  let flash: StageNodeData['flash'] = null;
  let flashKey: string | null = null;
  let last: string | null = null;
  const failed = view.failed?.[stage.id];

  if (stage.id === 'production') {
    const deployed = view.lastDeployment;
    // Revision 0 is the release the run starts from; a rollback can go back to it.
    sha = view.production.sha ?? (deployed ? 'initial' : null);
    holds = stage.status === 'rolled-back' ? 'after rollback' : deployed ? `${deployed.batch} shipped` : sha ? null : 'Start release';
    if (deployed) {
      flash = 'deployed';
      flashKey = `deploy-${deployed.id}`;
    }
  } else if (stage.current) {
    sha = stage.current.sha;
    const gate = stage.id === 'approval' || stage.id === 'deploy';
    holds = gate ? `${stage.current.batch} to ship` : plural(stage.current.carries, 'commit');
  } else if (stage.waiting) {
    // CI: the release candidate waits at Deploy for the scheduled hand deploy.
    sha = stage.waiting.sha;
    holds = `${stage.waiting.batch} to ship`;
  } else if (failed) {
    sha = failed.sha;
    holds = plural(failed.carries, 'commit');
    flash = 'failed';
    flashKey = `failed-${failed.execution}`;
  } else if (view.lastDone?.[stage.id]) {
    last = view.lastDone[stage.id]!.sha;
  }
  // A failure flashes the card once, even when the stage took the next revision at that moment.
  const lastFailure = stage.id === 'production' ? undefined : view.lastFailure?.[stage.id];
  if (lastFailure && !flash) {
    flash = 'failed';
    flashKey = `failed-${lastFailure.execution}`;
  }
  const lastFailedWords =
    lastFailure && stage.status !== 'failed'
      ? lastFailure.rejected
        ? 'rejected'
        : lastFailure.reason
          ? reasonWords(lastFailure.reason)
          : 'failed'
      : null;

  const words = STATUS_WORDS[stage.status];
  if (detail === words || detail === 'Nothing to do' || detail === 'Succeeded') detail = null;
  if (stage.status === 'failed' && failed?.rejected) detail = 'Rejected';
  if (view.held && stage.id === 'deploy' && !stage.current) detail = 'Line stopped until the fix is on main';
  let shortDetail = detail === null ? null : view.held && stage.id === 'deploy' && !stage.current ? 'Line stopped' : (CARD_WORDS[detail] ?? detail);
  if (shortDetail === words) shortDetail = null;

  let counts: string | null = null;
  if (stage.id === 'production') {
    if (view.production.deployments > 0) counts = plural(view.production.deployments, 'deployment');
  } else if (stage.superseded > 0) {
    counts = `${stage.superseded} superseded`;
  }
  const waitingWords = stage.waiting && stage.current ? `${plural(stage.waiting.carries, 'commit')} waiting` : null;

  // The accessible name starts with the card's visible text in reading order (WCAG 2.5.3, label in
  // name: a speech user can say what they see), then adds what the card has no room for.
  // The AWS service: CodePipeline runs the manual approval action itself.
  const cardService = stage.id === 'approval' ? 'CodePipeline' : stage.service.split(' · ')[0]!;
  const cardLine = shortDetail ?? (lastFailedWords ? (CARD_WORDS[lastFailedWords] ?? lastFailedWords) : null);
  const well = sha ? [sha, holds].filter(Boolean).join(', ') : last ? `Last ${last}` : (holds ?? 'Empty');
  const label = [
    `${stage.name} · ${cardService}, ${well}: ${words}`,
    cardLine,
    counts,
    detail && detail.toLowerCase() !== cardLine?.toLowerCase() ? detail : null,
    waitingWords,
    lastFailedWords && lastFailure ? `last run failed: ${lastFailedWords} in ${lastFailure.sha}` : null,
  ]
    .filter(Boolean)
    .join('. ');

  return {
    stage: stage.id,
    name: stage.name,
    service: cardService,
    status: stage.status,
    sha,
    holds,
    last,
    detail: shortDetail,
    lastFailed: lastFailedWords ? (CARD_WORDS[lastFailedWords] ?? lastFailedWords) : null,
    counts,
    selected,
    flashKey,
    flash,
    label,
  };
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
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
      id: 'frame',
      type: 'frame',
      position: { x: layout.frame.x, y: layout.frame.y },
      width: layout.frame.width,
      height: layout.frame.height,
      data: { title },
      draggable: false,
      selectable: false,
      focusable: false,
      ariaRole: 'group',
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
        type: 'stage',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        data: { stage: stage.id },
        draggable: false,
        selectable: false,
        focusable: false,
        ariaRole: 'group',
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
    const held = view.held && target === 'deploy';
    const old = before.get(id);
    if (old && old.source === source && old.target === target && old.data?.held === held) {
      edges.push(old);
      continue;
    }
    edges.push({
      id,
      type: 'flow',
      source,
      target,
      data: { held },
      focusable: false,
      selectable: false,
      // The cards and their names carry the meaning; the connecting lines are decoration.
      domAttributes: { 'aria-hidden': true },
    });
  }
  return edges;
}

/** What each stage card shows now, by stage. */
export function deriveCards(view: DiagramView, options: Pick<NodeOptions, 'selectedStage'> = {}): Partial<Record<StageId, StageNodeData>> {
  const cards: Partial<Record<StageId, StageNodeData>> = {};
  for (const stage of view.stages) cards[stage.id] = stageCardData(stage, view, options.selectedStage === stage.id);
  return cards;
}

/** Whether two cards show the same thing (shallow). */
export function sameCard(a: StageNodeData, b: StageNodeData): boolean {
  return sameData(a, b);
}

// ---------------------------------------------------------------- tokens

export type TokenTone = 'working' | 'waiting' | 'failed' | 'succeeded' | 'rolled-back';

/** A revision drawn as a token: one CodePipeline execution and the commits it carries. */
export interface Token {
  /** Stable per execution, so a token glides from stage to stage. */
  key: string;
  execution: number;
  revision: number;
  sha: string;
  /** Commits in the token (a batch reads as one stack with a count). */
  count: number;
  tone: TokenTone;
  stage: StageId;
  slot: 'work' | 'queue';
  x: number;
  y: number;
  /** Accessible name. */
  label: string;
}

export function slotPosition(box: StageBox, slot: 'work' | 'queue'): { x: number; y: number } {
  return slot === 'work'
    ? { x: box.x + WELL_INSET + TOKEN_SIZE / 2, y: box.y + WELL_Y }
    : { x: box.x - GAP / 2, y: box.y + WELL_Y };
}

/**
 * Where every revision in the pipeline is now: the one each stage works on (docked in the card's
 * well), the one waiting at its entrance (on the incoming edge), the failure a stage still shows,
 * and the revision production runs.
 */
export function deriveTokens(view: DiagramView, layout: DiagramLayout, options: { fast?: boolean } = {}): Token[] {
  const tokens: Token[] = [];
  // Too fast to follow: a revision waiting at a stage's entrance is replaced by a newer one every
  // frame, and one at Source leaves within a frame. Those places keep one token whose words change,
  // instead of a new token each frame; revisions being worked on still glide from stage to stage.
  const fast = options.fast ?? false;
  for (const stage of view.stages) {
    const box = layout.byId[stage.id];
    if (!box) continue;
    const gate = stage.id === 'approval' || stage.id === 'deploy';
    if (stage.id === 'production') {
      const deployed = view.lastDeployment;
      if (!deployed) continue;
      const tone: TokenTone =
        stage.status === 'failed' ? 'failed' : stage.status === 'rolled-back' ? 'rolled-back' : 'succeeded';
      const sha = view.production.sha ?? 'the initial release';
      tokens.push({
        key: `x${deployed.execution}`,
        execution: deployed.execution,
        revision: view.production.revision,
        sha,
        count: deployed.batch,
        tone,
        stage: 'production',
        slot: 'work',
        ...slotPosition(box, 'work'),
        label:
          tone === 'rolled-back'
            ? `${view.production.sha ? `Revision ${sha}` : 'The initial release'} in production again after a rollback`
            : `Revision ${sha} in production${tone === 'failed' ? ', failing' : ''}, ${plural(deployed.batch, 'commit')} in the last deployment`,
      });
      continue;
    }
    if (stage.current) {
      const count = gate ? stage.current.batch : stage.current.carries;
      const tone: TokenTone = stage.status === 'waiting' ? 'waiting' : 'working';
      tokens.push({
        key: fast && stage.id === 'source' ? 'slot-source' : `x${stage.current.execution}`,
        execution: stage.current.execution,
        revision: stage.current.revision,
        sha: stage.current.sha,
        count: Math.max(1, count),
        tone,
        stage: stage.id,
        slot: 'work',
        ...slotPosition(box, 'work'),
        label: `Revision ${stage.current.sha} by ${stage.current.author}, ${plural(Math.max(1, count), 'commit')}, ${tone === 'waiting' ? 'waiting' : 'in'} ${stage.name}`,
      });
    } else {
      const failed = view.failed?.[stage.id];
      if (failed) {
        tokens.push({
          key: `x${failed.execution}`,
          execution: failed.execution,
          revision: failed.revision,
          sha: failed.sha,
          count: Math.max(1, failed.carries),
          tone: 'failed',
          stage: stage.id,
          slot: 'work',
          ...slotPosition(box, 'work'),
          label: `Revision ${failed.sha} ${failed.rejected ? 'rejected' : 'failed'} at ${stage.name}${failed.reason && !failed.rejected ? `: ${reasonWords(failed.reason)}` : ''}`,
        });
      }
    }
    if (stage.waiting) {
      const count = Math.max(1, stage.waiting.carries);
      tokens.push({
        key: fast ? `slot-${stage.id}-waiting` : `x${stage.waiting.execution}`,
        execution: stage.waiting.execution,
        revision: stage.waiting.revision,
        sha: stage.waiting.sha,
        count,
        tone: 'waiting',
        stage: stage.id,
        slot: stage.current ? 'queue' : 'work',
        ...slotPosition(box, stage.current ? 'queue' : 'work'),
        label: `Revision ${stage.waiting.sha}, ${plural(count, 'commit')}, waiting before ${stage.name}`,
      });
    }
  }
  return tokens;
}

/** Keeps the previous array when no token changed, so the token layer can skip rendering. */
export function sameTokens(a: readonly Token[], b: readonly Token[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.key !== y.key || x.x !== y.x || x.y !== y.y || x.count !== y.count || x.tone !== y.tone || x.sha !== y.sha || x.label !== y.label) return false;
  }
  return true;
}
