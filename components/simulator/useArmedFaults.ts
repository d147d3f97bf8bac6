"use client";

import type { ArmedFaults } from "@/machines/view/faults";
import { shallowEqual } from "./runnerContext";
import { useThrottledSim } from "./slowBeat";

/** Faults a trainer injected that have not struck yet: the engine's own count, not a re-derivation. */
export function useArmedFaults(): ArmedFaults {
  return useThrottledSim((sim) => sim.pendingFaults(), 250, [], shallowEqual);
}
