"use client";

import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/Dialog";
import { formatClock } from "@/machines/sim/calendar";
import { MODES, MODE_INFO, type Mode } from "@/machines/world/modes";
import { iacOn } from "@/machines/world/settings";
import { useRunConfig, useRunner } from "./SimulationProvider";
import { useSimSelector } from "./runnerContext";

/** With IaC on, a mode change is a change set of the template (loaded on first use, not with /simulator). */
const LIVE_SWITCHABLE: readonly Mode[] = ["delivery", "deployment"];
const ModeChangeSet = lazy(() => import("@/components/infrastructure/ModeChangeSet"));

/**
 * The Mode control. A new mode is a new run: when the run has progress (time has passed or something
 * happened) it asks first, and offers to start the new mode at the same moment, on the same commits.
 * What happened is said in the status line.
 */
export function ModeSelect({ className, describedBy }: { className: string; describedBy: string }) {
  const actor = useRunner();
  const { config, applyConfig, changeMode, hasProgress } = useRunConfig();
  const [asking, setAsking] = useState<{ mode: Mode; moment: string } | null>(null);
  const [proposing, setProposing] = useState<Mode | null>(null);
  // The live run's mode: with IaC on, an executed change set changes it without a new run.
  const liveMode = useSimSelector((sim) => sim.settings.mode);
  const iac = useSimSelector((sim) => iacOn(sim.settings));
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);

  const choose = (mode: Mode) => {
    // A running pipeline can take or drop its Approval stage by template (delivery and deployment);
    // other changes, or a run with nothing in it yet, start a new run as before.
    if (iac && LIVE_SWITCHABLE.includes(liveMode) && LIVE_SWITCHABLE.includes(mode) && hasProgress?.()) return setProposing(mode === liveMode ? null : mode);
    if (mode === config.mode) return;
    if (!changeMode) return applyConfig({ mode });
    if (hasProgress?.()) {
      setAsking({ mode, moment: formatClock(actor.getSnapshot().context.sim.now) });
      return;
    }
    changeMode(mode, "fresh");
  };

  const decide = (how: "fresh" | "same-moment") => {
    if (asking && changeMode) changeMode(asking.mode, how);
    setAsking(null);
  };

  const name = asking ? MODE_INFO[asking.mode].name : "";
  return (
    <>
      <select
        ref={select}
        id={id}
        aria-label="Mode"
        title="Mode: how the team ships"
        value={iac ? liveMode : config.mode}
        aria-describedby={describedBy}
        onChange={(event) => choose(event.target.value as Mode)}
        className={className}
      >
        {MODES.map((mode) => (
          <option key={mode} value={mode}>
            {MODE_INFO[mode].name}
          </option>
        ))}
      </select>
      <Dialog open={proposing !== null} onOpenChange={(open) => !open && setProposing(null)}>
        <DialogContent
          className="w-[40rem]"
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            select.current?.focus();
          }}
        >
          <div className="border-b border-border px-5 py-3">
            <DialogTitle className="text-xl font-bold">Change to {proposing ? MODE_INFO[proposing].name : ""}: the change set</DialogTitle>
          </div>
          <DialogDescription className="px-5 pt-4 text-lg text-text">
            The pipeline is code here: this mode is a change to the stack&apos;s template, reviewed and applied like any other.
          </DialogDescription>
          <Suspense fallback={<p className="h-40 px-5 py-4 text-lg text-text-muted">Preparing the change set…</p>}>
            {proposing && <ModeChangeSet mode={proposing} onDone={() => setProposing(null)} />}
          </Suspense>
        </DialogContent>
      </Dialog>
      <Dialog open={asking !== null} onOpenChange={(open) => !open && setAsking(null)}>
        <DialogContent
          className="w-[34rem]"
          onCloseAutoFocus={(event) => {
            // Back to the Mode control, whichever way the dialog closed (it has no trigger of its own).
            event.preventDefault();
            select.current?.focus();
          }}
        >
          <div className="border-b border-border px-5 py-3">
            <DialogTitle className="text-xl font-bold">Change to {name}?</DialogTitle>
          </div>
          <DialogDescription className="px-5 pt-4 text-lg text-text">
            This run is at {asking?.moment} on seed {config.seed}. Another mode is another run: choose how to start it.
          </DialogDescription>
          <div className="flex flex-col gap-2 px-5 py-4">
            <Button variant="primary" className="h-auto min-h-11 justify-start py-2.5 text-left !whitespace-normal" onClick={() => decide("fresh")}>
              <span className="flex min-w-0 flex-col items-start gap-1 leading-snug">
                <span>Start a new run in {name}</span>
                <span className="text-base font-normal">From Monday 00:00, seed {config.seed}.</span>
              </span>
            </Button>
            <Button className="h-auto min-h-11 justify-start py-2.5 text-left !whitespace-normal" onClick={() => decide("same-moment")}>
              <span className="flex min-w-0 flex-col items-start gap-1 leading-snug">
                <span>
                  Start {name} at {asking?.moment}
                </span>
                <span className="text-base font-normal text-text-muted">The same commits, played in the new mode up to this moment.</span>
              </span>
            </Button>
            <DialogClose asChild>
              <Button variant="ghost" className="justify-start text-left">
                Keep the current run
              </Button>
            </DialogClose>
          </div>
        </DialogContent>
      </Dialog>
    </>
  );
}

/** What just happened to the run (a new run, a loaded file), said for a few seconds and to screen readers. */
export function RunStatusLine() {
  const { announcement } = useRunConfig();
  const [shown, setShown] = useState<{ id: number; text: string } | null>(null);
  // Shown when a new announcement arrives; hidden again after a while.
  if (announcement && announcement.id !== shown?.id) setShown(announcement);
  const [hiddenId, setHiddenId] = useState<number | null>(null);
  useEffect(() => {
    if (!shown) return;
    const timer = window.setTimeout(() => setHiddenId(shown.id), 8000);
    return () => window.clearTimeout(timer);
  }, [shown]);
  const visible = shown && hiddenId !== shown.id ? shown.text : "";
  return (
    <div role="status" className="pointer-events-none fixed inset-x-0 bottom-6 z-50 flex justify-center px-4">
      {visible && (
        <p data-run-status className="max-w-2xl rounded-xl bg-text px-4 py-2.5 text-center text-lg font-semibold text-surface shadow-xl">
          {visible}
        </p>
      )}
    </div>
  );
}
