/**
 * What a stage card shows: the revision in its well, why its status is what it is, its counts, the
 * one-off flash, and its accessible name, all derived from the stage's structured view (never from
 * the view's sentences). Pure; no React. The words come from machines/words.ts.
 */
import type { DiagramView, FailedMark } from "@/machines/view/diagramView";
import { revisionCount, type RevisionCount, type StageView } from "@/machines/view/pipelineView";
import { STAGE_INFO, type StageId, type Status } from "@/machines/view/stages";
import { FAILURE_WORDS, START_RELEASE, STATUS_WORDS, plural, reasonWords, stageNoteWords } from "@/machines/words";
import { sameData } from "./flowElements";

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
  flash: "failed" | "deployed" | null;
  /** Accessible name: the stage, its status and what it holds. */
  label: string;
}

/** "117 to ship", "3 commits": the number a revision shows (its token shows the same). */
function holdsWords(counted: RevisionCount): string {
  return counted.counts === "to-ship" ? `${counted.commits} to ship` : plural(counted.commits, "commit");
}

/** A failure a card still mentions: `label` for its accessible name, `card` for its line. */
function failureWords(mark: FailedMark): { label: string; card: string } {
  if (mark.rejected) return { label: "rejected", card: "Rejected" };
  if (mark.reason) return { label: reasonWords(mark.reason), card: FAILURE_WORDS[mark.reason].card };
  return { label: "failed", card: "failed" };
}

/** The AWS service a card names: CodePipeline runs the manual approval action itself. */
export function cardServiceOf(stage: StageId): string {
  return stage === "approval" ? "CodePipeline" : STAGE_INFO[stage].service.split(" · ")[0]!;
}

/** The words a stage card shows, derived from its StageView. */
export function stageCardData(stage: StageView, view: DiagramView, selected: boolean): StageNodeData {
  let sha: string | null = null;
  let holds: string | null = null;
  let flash: StageNodeData["flash"] = null;
  let flashKey: string | null = null;
  let last: string | null = null;
  const failed = view.failed?.[stage.id];

  if (stage.id === "production") {
    const deployed = view.lastDeployment;
    // Revision 0 is the release the run starts from; a rollback can go back to it.
    sha = view.production.sha ?? (deployed ? START_RELEASE.tag : null);
    holds = stage.status === "rolled-back" ? "after rollback" : deployed ? `${deployed.batch} shipped` : sha ? null : START_RELEASE.short;
    if (deployed) {
      flash = "deployed";
      flashKey = `deploy-${deployed.id}`;
    }
  } else if (stage.current) {
    sha = stage.current.sha;
    holds = holdsWords(revisionCount(stage.id, stage.current));
  } else if (stage.waiting) {
    // CI: the release candidate waits at Deploy for the scheduled hand deploy.
    sha = stage.waiting.sha;
    holds = holdsWords(revisionCount(stage.id, stage.waiting));
  } else if (failed) {
    sha = failed.sha;
    holds = plural(failed.carries, "commit");
    flash = "failed";
    flashKey = `failed-${failed.execution}`;
  } else if (view.lastDone?.[stage.id]) {
    last = view.lastDone[stage.id]!.sha;
  }
  // A failure flashes the card once, even when the stage took the next revision at that moment.
  const lastFailure = stage.id === "production" ? undefined : view.lastFailure?.[stage.id];
  if (lastFailure && !flash) {
    flash = "failed";
    flashKey = `failed-${lastFailure.execution}`;
  }
  const lastFailedWords = lastFailure && stage.status !== "failed" ? failureWords(lastFailure) : null;

  const words = STATUS_WORDS[stage.status];
  const note = stageNoteWords(stage.note);
  let detail = note.label;
  let shortDetail = note.card;
  if (stage.status === "failed" && failed?.rejected) detail = shortDetail = "Rejected";
  if (view.held && stage.id === "deploy" && !stage.current) {
    detail = "Line stopped until the fix is on main";
    shortDetail = "Line stopped";
  }

  let counts: string | null = null;
  if (stage.id === "production") {
    if (view.production.deployments > 0) counts = plural(view.production.deployments, "deployment");
  } else if (stage.superseded > 0) {
    counts = `${stage.superseded} superseded`;
  }
  const waitingCount = stage.waiting && stage.current ? revisionCount(stage.id, stage.waiting) : null;
  const waitingWords = waitingCount ? `${plural(waitingCount.commits, "commit")} waiting${waitingCount.counts === "to-ship" ? " to ship" : ""}` : null;

  // The accessible name starts with the card's visible text in reading order (WCAG 2.5.3, label in
  // name: a speech user can say what they see), then adds what the card has no room for.
  const cardService = cardServiceOf(stage.id);
  const cardLine = shortDetail ?? lastFailedWords?.card ?? null;
  const well = sha ? [sha, holds].filter(Boolean).join(", ") : last ? `Last ${last}` : (holds ?? "Empty");
  const label = [
    `${stage.name} · ${cardService}, ${well}: ${words}`,
    cardLine,
    counts,
    detail && detail.toLowerCase() !== cardLine?.toLowerCase() ? detail : null,
    waitingWords,
    lastFailedWords && lastFailure ? `last run failed: ${lastFailedWords.label} in ${lastFailure.sha}` : null,
  ]
    .filter(Boolean)
    .join(". ");

  return {
    stage: stage.id,
    name: stage.name,
    service: cardService,
    status: stage.status,
    sha,
    holds,
    last,
    detail: shortDetail,
    lastFailed: lastFailedWords?.card ?? null,
    counts,
    selected,
    flashKey,
    flash,
    label,
  };
}

/** What each stage card shows now, by stage. */
export function deriveCards(view: DiagramView, options: { selectedStage?: StageId | null } = {}): Partial<Record<StageId, StageNodeData>> {
  const cards: Partial<Record<StageId, StageNodeData>> = {};
  for (const stage of view.stages) cards[stage.id] = stageCardData(stage, view, options.selectedStage === stage.id);
  return cards;
}

/** Whether two cards show the same thing (shallow). */
export function sameCard(a: StageNodeData, b: StageNodeData): boolean {
  return sameData(a, b);
}
