"use client";

import { useThrottledSim } from "@/components/simulator/slowBeat";
import type { Mode } from "@/machines/world/modes";
import { iacOn } from "@/machines/world/settings";
import type { StackView } from "./iac";

/** What the view shows of the run's stack (the engine's `sim.stack`), with the run's mode. */
export type StackSnapshot = StackView & { iac: boolean; mode: Mode; pendingSha?: string };

/** What changes on screen: the view re-renders only when one of these does. */
function signature(s: StackSnapshot): string {
  return [
    s.status,
    s.mode,
    s.templateText.length,
    s.events.length,
    s.resources.map((r) => `${r.logicalId}:${r.status}:${r.drift}`).join(","),
    s.drift === null ? "-" : s.drift.map((d) => `${d.logicalId}:${d.status}:${d.differences.length}`).join(","),
    s.pendingChange ? `${s.pendingChange.commit ?? ""}:${s.pendingChange.changeSet.summary}` : "",
  ].join("|");
}

/** The run's stack, re-read a few times a second while the run plays. */
export function useStack(): StackSnapshot {
  return useThrottledSim(
    (sim) => {
      const stack = sim.stack;
      const commit = stack.pendingChange?.commit;
      return { ...stack, iac: iacOn(sim.settings), mode: sim.settings.mode, pendingSha: commit === undefined ? undefined : sim.commit(commit)?.sha };
    },
    300,
    [],
    (a, b) => a.templateText === b.templateText && signature(a) === signature(b),
  );
}
