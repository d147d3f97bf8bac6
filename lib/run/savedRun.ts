import { readRunFile, RUN_FILE_VERSION, runFileOfRun, type RunRecord } from "@/lib/url/runFile";
import { isTrackingParam, OTHER_PAGE_PARAMS, type RunConfig } from "@/lib/url/simulatorParams";
import type { JournalEntry } from "@/machines/runner/runnerMachine";

/**
 * The live /simulator run, kept in the browser (IndexedDB) so that a reload or a closed tab loses
 * nothing. It is stored as what makes it, the run file of version 2 (lib/url/runFile.ts: how it
 * started, what people did, where it stands), beside the address it was saved under, and restored
 * by replay. A record that is damaged, or of an older kind, is set aside (kept under another key)
 * and the page starts fresh.
 */
export const SAVED_RUN_KEY = "pipeline-lab:simulator-run";
export const SET_ASIDE_KEY = "pipeline-lab:simulator-run:set-aside";
export const SAVED_RUN_KIND = "pipeline-lab-saved-run";

export interface SavedRun {
  kind: typeof SAVED_RUN_KIND;
  /** The address's query when it was saved ("?mode=delivery&seed=7..." or ""). */
  search: string;
  /** The run file's text (version 2). */
  file: string;
}

export function savedRunOf(run: RunRecord, search: string): SavedRun {
  return { kind: SAVED_RUN_KIND, search, file: JSON.stringify(runFileOfRun(run)) };
}

export type SavedRunResult = { ok: true; search: string; config: RunConfig; run: { journal: JournalEntry[]; at: number } } | { ok: false; message: string };

/** Reads what IndexedDB held: the run to restore, or why it cannot be. */
export function readSavedRun(value: unknown): SavedRunResult {
  if (typeof value !== "object" || value === null || (value as { kind?: unknown }).kind !== SAVED_RUN_KIND) {
    return { ok: false, message: "it is not a saved run of this version" };
  }
  const { search, file } = value as { search?: unknown; file?: unknown };
  if (typeof search !== "string" || typeof file !== "string") return { ok: false, message: "it is damaged" };
  const result = readRunFile(file);
  if (!result.ok) return { ok: false, message: result.message.replace(/\.$/, "") };
  if (!result.run) return { ok: false, message: `it was saved by an older version (run file ${RUN_FILE_VERSION - 1})` };
  return { ok: true, search, config: result.config, run: result.run };
}

/** Whether an address names a run: then it wins over the saved run (a shared link opens what it says). */
export function namesARun(search: string): boolean {
  for (const name of new URLSearchParams(search).keys()) {
    if (!isTrackingParam(name) && !OTHER_PAGE_PARAMS.includes(name)) return true;
  }
  return false;
}
