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
 *   runnerContext.ts         the actor and the hooks that read it (useRunner, useSimSelector, ...)
 *   slowBeat.ts              the slow beat panels refresh on (useThrottledSim, useSlowBeat)
 *   liveMetrics.ts           the live metrics service (useLiveMetrics)
 *   runLoop.ts               the requestAnimationFrame loop and its frame cap (useRunLoop)
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { useSearchParams } from "next/navigation";
import { useActorRef } from "@xstate/react";
import { runnerMachine } from "@/machines/runner/runnerMachine";
import type { StageId } from "@/machines/view/stages";
import { parseSimulatorParams, settingsFor, simulatorSearch, type ParamNotice, type RunConfig } from "@/lib/url/simulatorParams";
import { LiveMetricsContext, LiveMetricsService } from "./liveMetrics";
import { useRunLoop } from "./runLoop";
import { RunnerActorContext, useRequired, type RunnerRef } from "./runnerContext";
import { SlowClock, SlowClockContext } from "./slowBeat";

// Kept so components/simulator/DecisionPanel.tsx (changed in parallel elsewhere) keeps importing
// from here; new code imports from the files above.
export { diagramViewOf, useRunner, useSimSelector } from "./runnerContext";
export { useThrottledSim } from "./slowBeat";

/** What the workspace is looking at: a stage's inspector or a commit's journey. */
export type Selection = { kind: "stage"; stage: StageId } | { kind: "commit"; seq: number } | null;

interface RunControl {
  config: RunConfig;
  /** Problems with the address the run started from. */
  notices: ParamNotice[];
  dismissNotices(): void;
  /** Changes the start state: a new mode, seed or commit rate starts a new run (paused). */
  applyConfig(change: Partial<RunConfig>): void;
  /** Starts the same run again from its beginning, paused. */
  reset(): void;
  /** The address that reproduces this run's start state. */
  shareUrl(): string;
}

const ControlContext = createContext<RunControl | null>(null);
const SelectionContext = createContext<{ selection: Selection; select(next: Selection): void } | null>(null);

export function useRunConfig(): RunControl {
  return useRequired(useContext(ControlContext), "useRunConfig");
}

export function useSelection() {
  return useRequired(useContext(SelectionContext), "useSelection");
}

/** The workspace's run loop: ticks the run, and on the slow beat shows new metrics and refreshes panels. */
function WorkspaceRunLoop({ actor, clock, metrics }: { actor: RunnerRef; clock: SlowClock; metrics: LiveMetricsService }) {
  // Everything the beat changes renders now, in this frame, in one pass: left to the scheduler it
  // would take one or two more slow frames after this one.
  const onBeat = useCallback(() => {
    flushSync(() => {
      metrics.beat();
      clock.beat();
    });
  }, [clock, metrics]);
  useRunLoop(actor, onBeat);
  // Paused: metrics follow each change at once.
  useEffect(() => {
    const subscription = actor.subscribe(() => metrics.changed());
    return () => subscription.unsubscribe();
  }, [actor, metrics]);
  return null;
}

/** Holds the run for every view under /simulator. Reads its start state from the address once. */
export function SimulationProvider({ children }: { children: ReactNode }) {
  const searchParams = useSearchParams();
  const [initial] = useState(() => parseSimulatorParams(searchParams));
  const [config, setConfig] = useState<RunConfig>(initial.config);
  const [notices, setNotices] = useState<ParamNotice[]>(initial.notices);
  const [selection, select] = useState<Selection>(null);

  const actor = useActorRef(runnerMachine, {
    input: { settings: settingsFor(initial.config), speed: initial.config.speed },
  });
  const [clock] = useState(() => new SlowClock());
  const [metrics] = useState(() => new LiveMetricsService(actor));
  useEffect(() => () => metrics.dispose(), [metrics]);

  const configRef = useRef(config);
  const applyConfig = useCallback(
    (change: Partial<RunConfig>) => {
      const before = configRef.current;
      const next: RunConfig = { ...before, ...change };
      configRef.current = next;
      setConfig(next);
      if (next.mode !== before.mode || next.seed !== before.seed || next.commitsPerDay !== before.commitsPerDay) {
        actor.send({ type: "run.reset", settings: settingsFor(next) });
        select(null);
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
    select(null);
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
  const selectionValue = useMemo(() => ({ selection, select }), [selection]);

  return (
    <RunnerActorContext.Provider value={actor}>
      <SlowClockContext.Provider value={clock}>
        <LiveMetricsContext.Provider value={metrics}>
          <ControlContext.Provider value={control}>
            <SelectionContext.Provider value={selectionValue}>
              <WorkspaceRunLoop actor={actor} clock={clock} metrics={metrics} />
              {children}
            </SelectionContext.Provider>
          </ControlContext.Provider>
        </LiveMetricsContext.Provider>
      </SlowClockContext.Provider>
    </RunnerActorContext.Provider>
  );
}
