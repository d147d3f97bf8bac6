"use client";

import { lazy, Suspense, type RefObject } from "react";
import { Button } from "@/components/ui/Button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/Dialog";
import { MODE_INFO, type Mode } from "@/machines/world/modes";

/** With IaC on, a mode change is a change set of the template (loaded on first use, not with /simulator). */
const ModeChangeSet = lazy(() => import("@/components/infrastructure/ModeChangeSet"));

interface ModeChangeDialogsProps {
  /** The mode a change set is proposed for (IaC on), or null. */
  proposing: Mode | null;
  endProposal(): void;
  /** The mode asked about and the run's moment (a new mode is a new run), or null. */
  asking: { mode: Mode; moment: string } | null;
  /** How to start the new run, or null to keep the current one. */
  decide(how: "fresh" | "same-moment" | null): void;
  seed: number;
  /** The Mode control: focus goes back there however a dialog closes (neither has a trigger of its own). */
  returnTo: RefObject<HTMLSelectElement | null>;
}

/** ModeSelect's two questions, loaded the first time the Mode control is reached for. */
export function ModeChangeDialogs({ proposing, endProposal, asking, decide, seed, returnTo }: ModeChangeDialogsProps) {
  const backToMode = (event: Event) => {
    event.preventDefault();
    returnTo.current?.focus();
  };
  const name = asking ? MODE_INFO[asking.mode].name : "";
  return (
    <>
      <Dialog open={proposing !== null} onOpenChange={(open) => !open && endProposal()}>
        <DialogContent className="w-[40rem]" onCloseAutoFocus={backToMode}>
          <div className="border-b border-border px-5 py-3">
            <DialogTitle className="text-xl font-bold">Change to {proposing ? MODE_INFO[proposing].name : ""}: the change set</DialogTitle>
          </div>
          <DialogDescription className="px-5 pt-4 text-lg text-text">
            The pipeline is code here: this mode is a change to the stack&apos;s template, reviewed and applied like any other.
          </DialogDescription>
          <Suspense fallback={<p className="h-40 px-5 py-4 text-lg text-text-muted">Preparing the change set…</p>}>
            {proposing && <ModeChangeSet mode={proposing} onDone={endProposal} />}
          </Suspense>
        </DialogContent>
      </Dialog>
      <Dialog open={asking !== null} onOpenChange={(open) => !open && decide(null)}>
        <DialogContent className="w-[34rem]" onCloseAutoFocus={backToMode}>
          <div className="border-b border-border px-5 py-3">
            <DialogTitle className="text-xl font-bold">Change to {name}?</DialogTitle>
          </div>
          <DialogDescription className="px-5 pt-4 text-lg text-text">
            This run is at {asking?.moment} on seed {seed}. Another mode is another run: choose how to start it.
          </DialogDescription>
          <div className="flex flex-col gap-2 px-5 py-4">
            <Button variant="primary" className="h-auto min-h-11 justify-start py-2.5 text-left !whitespace-normal" onClick={() => decide("fresh")}>
              <span className="flex min-w-0 flex-col items-start gap-1 leading-snug">
                <span>Start a new run in {name}</span>
                <span className="text-base font-normal">From Monday 00:00, seed {seed}.</span>
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
