"use client";

import { useCallback, useEffect, useRef, useState, type ChangeEvent } from "react";
import { FileDown, FileUp, Link2, Save, X } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { Menu, type MenuItem } from "@/components/ui/Menu";
import { formatT } from "@/lib/url/simulatorParams";
import { readRunFile, runFileFor } from "@/lib/url/runFile";
import { FAULT_WORDS } from "@/machines/words";
import type { ShareState } from "./RunProviders";
import { useRunConfig } from "./SimulationProvider";

const FILE_ITEMS: readonly MenuItem[] = [
  {
    id: "save",
    label: "Save to a file",
    description: "This run's settings, faults waiting to strike and moment, in a small JSON file.",
    icon: <FileDown aria-hidden="true" className="size-5" strokeWidth={2.5} />,
  },
  {
    id: "load",
    label: "Load from a file",
    description: "Replace this run with one from a saved file (or drop the file on the page).",
    icon: <FileUp aria-hidden="true" className="size-5" strokeWidth={2.5} />,
  },
];

/** What a share link opens, in a sentence: the same run, or (honestly) a run started from today's settings. */
function shareSummary(share: ShareState): string {
  const faults = share.state.faults ?? [];
  const kinds = [...new Set(faults)].map((f) => {
    const n = faults.filter((x) => x === f).length;
    return `${FAULT_WORDS[f].label}${n > 1 ? ` ×${n}` : ""}`;
  });
  const armed = kinds.length > 0 ? `, with ${kinds.join(", ")} waiting to strike` : "";
  if (share.notReplayable.length === 0) {
    return `Opens this run at ${share.moment}${armed}: the same settings, commits and events.`;
  }
  return `Starts a run with today's settings from Monday 00:00 and plays it to ${share.moment}${armed}. What was done on the way is not in the link (${share.notReplayable.join("; ")}), so it may differ from this run.`;
}

/** Share: copies a link to the run as it stands, and says what the link opens. */
function ShareButton() {
  const { shareState, shareUrl } = useRunConfig();
  const [open, setOpen] = useState<{ copied: boolean; share: ShareState | null; url: string } | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Escape or a click elsewhere closes the panel.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(null);
      if (panel.current?.contains(document.activeElement)) button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  const share = async () => {
    const state = shareState?.() ?? null;
    const url = state?.url ?? shareUrl();
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // No clipboard (insecure origin, denied): the panel shows the link to copy by hand.
    }
    setOpen({ copied, share: state, url });
  };

  const summary = open?.share ? shareSummary(open.share) : "";
  return (
    <div className="relative">
      <Button
        ref={button}
        onClick={share}
        className="px-3 text-base"
        aria-expanded={open ? true : false}
        title="Copy a link that opens this run at this moment: mode, seed, speed, settings, faults waiting to strike"
      >
        <Link2 aria-hidden="true" className="size-5" strokeWidth={2.5} />
        Share
      </Button>
      <span role="status" className="sr-only">
        {open ? `${open.copied ? "Link copied." : "Copy the link below."} ${summary}` : ""}
      </span>
      {open && (
        <div
          ref={panel}
          role="region"
          aria-label="Share link"
          className="absolute top-full right-0 z-40 mt-2 flex w-[28rem] max-w-[calc(100vw-2rem)] flex-col gap-2 rounded-xl border-2 border-border-strong bg-surface-raised p-3 shadow-xl"
        >
          <div className="flex items-start justify-between gap-2">
            <p className="text-lg font-bold text-text" data-share-title>
              {open.copied ? "Link copied" : "Copy this link"}
            </p>
            <Button size="sm" variant="ghost" aria-label="Close" className="-mt-1 -mr-1 size-9 px-0" onClick={() => setOpen(null)}>
              <X aria-hidden="true" className="size-5" strokeWidth={2.5} />
            </Button>
          </div>
          {summary && (
            <p className="text-base text-text" data-share-summary>
              {summary}
            </p>
          )}
          <label className="flex flex-col gap-1 text-base text-text-muted">
            The link:
            <input
              readOnly
              value={open.url}
              autoFocus={!open.copied}
              onFocus={(event) => event.currentTarget.select()}
              className="h-11 w-full rounded-lg border-2 border-border-strong bg-surface px-2 font-mono text-base text-text"
            />
          </label>
        </div>
      )}
    </div>
  );
}

/** A run file with thousands of actions is a few hundred kilobytes; more is not a run file. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

function fileName(state: { mode: string; seed: number; t?: number }): string {
  return `pipeline-lab-${state.mode}-seed${state.seed}-${formatT(state.t ?? 0).replace(/[:.]/g, "")}.json`;
}

/** Save the run's start state to a file, or load one: a trainer's prepared moments beside the slides. */
function FileMenu() {
  const { currentState, loadState, runFile, loadRun } = useRunConfig();
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const open = useCallback(
    async (file: File) => {
      if (!loadState) return;
      const text = file.size > MAX_FILE_BYTES ? null : await file.text();
      const result = text === null ? { ok: false as const, message: "The file is too big for a run file." } : readRunFile(text);
      const why = !result.ok ? result.message : result.run && loadRun ? loadRun(result.config, result.run, file.name) : null;
      if (why !== null) {
        setProblem(`Could not load ${file.name}: ${why.replace(/\.?$/, ".")} The run is unchanged.`);
        return;
      }
      setProblem(null);
      if (result.ok && !result.run) loadState(result.config, file.name);
    },
    [loadRun, loadState],
  );

  // A run file dropped anywhere on the page loads as if picked.
  useEffect(() => {
    const hasFile = (event: DragEvent) => event.dataTransfer?.types.includes("Files") ?? false;
    const onDragOver = (event: DragEvent) => {
      if (!hasFile(event)) return;
      event.preventDefault();
      event.dataTransfer!.dropEffect = "copy";
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFile(event)) return;
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) void open(file);
    };
    window.addEventListener("dragover", onDragOver);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragover", onDragOver);
      window.removeEventListener("drop", onDrop);
    };
  }, [open]);

  if (!currentState || !loadState) return null;

  const save = () => {
    const state = currentState();
    const blob = new Blob([`${JSON.stringify(runFile ? runFile() : runFileFor(state), null, 2)}\n`], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName(state);
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = "";
    if (file) await open(file);
  };

  return (
    <div className="relative">
      <Menu
        label="File"
        icon={<Save aria-hidden="true" className="size-5" strokeWidth={2.5} />}
        items={FILE_ITEMS}
        onSelect={(id) => (id === "save" ? save() : input.current?.click())}
      />
      <input ref={input} type="file" accept=".json,application/json" className="hidden" aria-hidden="true" tabIndex={-1} onChange={onFile} data-run-file />
      <div role="alert" className="absolute top-full right-0 z-40 mt-2">
        {problem && (
          <div className="flex w-[26rem] max-w-[calc(100vw-2rem)] items-start gap-2 rounded-xl border-2 border-status-failed bg-surface-raised p-3 text-base text-text shadow-xl">
            <p className="flex-1">{problem}</p>
            <Button size="sm" variant="ghost" aria-label="Dismiss" className="-mt-1 -mr-1 size-9 px-0" onClick={() => setProblem(null)}>
              <X aria-hidden="true" className="size-5" strokeWidth={2.5} />
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}

/** Share and the File menu, side by side in the toolbar. */
export function ShareMenu() {
  return (
    <div className="flex items-center gap-1.5">
      <ShareButton />
      <FileMenu />
    </div>
  );
}
