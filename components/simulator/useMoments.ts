"use client";

/**
 * The presenter's moments on the live run: what the run stops at, "jump to" the next moment, and
 * back to the one before (the runner makes the run again to it from its journal).
 */
import { createContext, useContext, useSyncExternalStore } from "react";
import { JUMP_LIMIT_MINUTES, type MomentWatch } from "@/machines/runner/moments";
import type { RunnerRef } from "./runnerContext";

export const MomentsContext = createContext<MomentWatch | null>(null);

export function useMomentWatch(): MomentWatch {
  const watch = useContext(MomentsContext);
  if (!watch) throw new Error("useMomentWatch must be used inside <SimulationProvider>.");
  return watch;
}

export function useMoments() {
  const watch = useMomentWatch();
  return useSyncExternalStore(watch.subscribe, watch.getSnapshot, watch.getSnapshot);
}

/** Runs on to the next moment of the chosen kinds (of any kind when none is chosen), then pauses. */
export function jumpToNextMoment(actor: RunnerRef, watch: MomentWatch): void {
  watch.jump(() => actor.send({ type: "run.jump", withinMinutes: JUMP_LIMIT_MINUTES }));
}

/** Back to the moment before the one on screen; false when there is none. */
export function backToPreviousMoment(actor: RunnerRef, watch: MomentWatch): boolean {
  const to = watch.momentBefore(actor.getSnapshot().context.sim.now);
  if (to === null) return false;
  actor.send({ type: "run.rewind", to });
  return true;
}
