"use client";

/**
 * The running simulation of the /simulator workspace. One engine actor (runnerMachine) lives here,
 * in the layout, so the pipeline, monitoring and team views are views of one run: moving between
 * them never resets or pauses it. Components read narrow slices through hooks and send events;
 * nothing here or in the views decides an outcome (that is the engine's job).
 *
 *   useRunConfig()           the start state (mode, seed, speed, approver) and how to change it
 *   useSelection()           the stage or commit being inspected, shared by every view
 *
 * The rest lives beside it, each in a file named for what it holds:
 *   RunProviders.tsx         the contexts of any live run (a lesson holds one too)
 *   runnerContext.ts         the actor and the hooks that read it (useRunner, useSimSelector, ...)
 *   slowBeat.ts              the slow beat panels refresh on (useThrottledSim, useSlowBeat)
 *   liveMetrics.ts           the live metrics service (useLiveMetrics)
 *   runLoop.ts               the requestAnimationFrame loop and its frame cap (useRunLoop)
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { useActorRef } from "@xstate/react";
import { runnerMachine } from "@/machines/runner/runnerMachine";
import { parseSimulatorParams, settingsFor, simulatorSearch, type ParamNotice, type RunConfig } from "@/lib/url/simulatorParams";
import { MomentWatch } from "@/machines/runner/moments";
import { RunProviders, type RunControl } from "./RunProviders";
import { MomentsContext } from "./useMoments";

// Kept so components that import these from here keep working; new code imports from the files above.
export { diagramViewOf, useRunner, useSimSelector } from "./runnerContext";
export { useThrottledSim } from "./slowBeat";
export { useRunConfig, useSelection, type Selection } from "./RunProviders";

/** Holds the run for every view under /simulator. Reads its start state from the address once. */
export function SimulationProvider({ children }: { children: ReactNode }) {
  const searchParams = useSearchParams();
  const [initial] = useState(() => parseSimulatorParams(searchParams));
  const [config, setConfig] = useState<RunConfig>(initial.config);
  const [notices, setNotices] = useState<ParamNotice[]>(initial.notices);

  const [moments] = useState(() => new MomentWatch());
  const actor = useActorRef(runnerMachine, {
    input: { settings: settingsFor(initial.config), speed: initial.config.speed, watch: moments },
  });

  const configRef = useRef(config);
  const applyConfig = useCallback(
    (change: Partial<RunConfig>) => {
      const before = configRef.current;
      const next: RunConfig = { ...before, ...change };
      configRef.current = next;
      setConfig(next);
      if (next.mode !== before.mode || next.seed !== before.seed || next.commitsPerDay !== before.commitsPerDay) {
        actor.send({ type: "run.reset", settings: settingsFor(next) });
      } else if (next.approver !== before.approver && next.mode === "delivery") {
        actor.send({ type: "settings.change", change: { approver: next.approver } });
      }
      if (next.speed !== before.speed) actor.send({ type: "run.speed", speed: next.speed });
      // Keep the address in step, so a reload or a copied link shows the same start state.
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${simulatorSearch(next)}`);
    },
    [actor],
  );

  const reset = useCallback(() => {
    actor.send({ type: "run.reset", settings: settingsFor(configRef.current) });
  }, [actor]);

  const control = useMemo<RunControl>(
    () => ({
      config,
      notices,
      dismissNotices: () => setNotices([]),
      applyConfig,
      reset,
      shareUrl: () => `${window.location.origin}/simulator${simulatorSearch(configRef.current)}`,
    }),
    [config, notices, applyConfig, reset],
  );

  return (
    <RunProviders actor={actor} control={control}>
      <MomentsContext.Provider value={moments}>{children}</MomentsContext.Provider>
    </RunProviders>
  );
}
