/**
 * The commit tokens: every revision in the pipeline drawn as a token, docked in the well of the
 * stage working on it or waiting on the edge before it, and the revision production runs. Pure;
 * no React.
 */
import type { DiagramView } from "@/machines/view/diagramView";
import { revisionCount, type RevisionCount } from "@/machines/view/pipelineView";
import type { StageId, Status } from "@/machines/view/stages";
import { START_RELEASE, capitalise, plural, reasonWords } from "@/machines/words";
import { GAP, TOKEN_SIZE, WELL_INSET, WELL_Y, type DiagramLayout, type StageBox } from "./layout";

export type TokenTone = Extract<Status, "working" | "waiting" | "failed" | "succeeded" | "rolled-back">;

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
  slot: "work" | "queue";
  x: number;
  y: number;
  /** Accessible name. */
  label: string;
}

/** "117 commits to ship", "1 commit": what a token's number counts, as its name says it. */
function countWords(counted: RevisionCount): string {
  const n = Math.max(1, counted.commits);
  return counted.counts === "to-ship" ? `${plural(n, "commit")} to ship` : plural(n, "commit");
}

export function slotPosition(box: StageBox, slot: "work" | "queue"): { x: number; y: number } {
  return slot === "work" ? { x: box.x + WELL_INSET + TOKEN_SIZE / 2, y: box.y + WELL_Y } : { x: box.x - GAP / 2, y: box.y + WELL_Y };
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
    if (stage.id === "production") {
      const deployed = view.lastDeployment;
      if (!deployed) continue;
      const tone: TokenTone = stage.status === "failed" ? "failed" : stage.status === "rolled-back" ? "rolled-back" : "succeeded";
      const sha = view.production.sha ?? START_RELEASE.short;
      tokens.push({
        key: `x${deployed.execution}`,
        execution: deployed.execution,
        revision: view.production.revision,
        sha,
        count: deployed.batch,
        tone,
        stage: "production",
        slot: "work",
        ...slotPosition(box, "work"),
        label:
          tone === "rolled-back"
            ? `${view.production.sha ? `Revision ${sha}` : capitalise(START_RELEASE.told)} in production again after a rollback`
            : `Revision ${sha} in production${tone === "failed" ? ", failing" : ""}, ${plural(deployed.batch, "commit")} in the last deployment`,
      });
      continue;
    }
    if (stage.current) {
      const count = revisionCount(stage.id, stage.current).commits;
      const tone: TokenTone = stage.status === "waiting" ? "waiting" : "working";
      tokens.push({
        key: fast && stage.id === "source" ? "slot-source" : `x${stage.current.execution}`,
        execution: stage.current.execution,
        revision: stage.current.revision,
        sha: stage.current.sha,
        count: Math.max(1, count),
        tone,
        stage: stage.id,
        slot: "work",
        ...slotPosition(box, "work"),
        label: `Revision ${stage.current.sha} by ${stage.current.author}, ${countWords(revisionCount(stage.id, stage.current))}, ${tone === "waiting" ? "waiting" : "in"} ${stage.name}`,
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
          tone: "failed",
          stage: stage.id,
          slot: "work",
          ...slotPosition(box, "work"),
          label: `Revision ${failed.sha} ${failed.rejected ? "rejected" : "failed"} at ${stage.name}${failed.reason && !failed.rejected ? `: ${reasonWords(failed.reason)}` : ""}`,
        });
      }
    }
    if (stage.waiting) {
      const counted = revisionCount(stage.id, stage.waiting);
      const count = Math.max(1, counted.commits);
      tokens.push({
        key: fast ? `slot-${stage.id}-waiting` : `x${stage.waiting.execution}`,
        execution: stage.waiting.execution,
        revision: stage.waiting.revision,
        sha: stage.waiting.sha,
        count,
        tone: "waiting",
        stage: stage.id,
        slot: stage.current ? "queue" : "work",
        ...slotPosition(box, stage.current ? "queue" : "work"),
        label: `Revision ${stage.waiting.sha}, ${countWords(counted)}, waiting before ${stage.name}`,
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
