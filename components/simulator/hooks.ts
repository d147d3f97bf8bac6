"use client";

import { useRef } from "react";
import type { Simulation } from "@/machines/engine/simulation";
import { FaultTracker, type ArmedFaults } from "@/machines/view/faults";
import { shallowEqual } from "./runnerContext";
import { useThrottledSim } from "./slowBeat";

/** Faults a trainer injected that have not struck yet. */
export function useArmedFaults(): ArmedFaults {
  const trackers = useRef(new WeakMap<Simulation, FaultTracker>());
  return useThrottledSim(
    (sim) => {
      let tracker = trackers.current.get(sim);
      if (!tracker) {
        tracker = new FaultTracker();
        trackers.current.set(sim, tracker);
      }
      return tracker.update(sim.log);
    },
    250,
    [],
    shallowEqual,
  );
}
