"use client";

/**
 * The contexts every live run view reads, for any page that holds a run: the /simulator workspace
 * (SimulationProvider, which reads the start state from the address) and a lesson (LessonProvider,
 * which takes it from the lesson). The page owns the runner actor and says how its start state may
 * change; these providers add the slow beat, the live metrics, the selection and the run loop.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { flushSync } from "react-dom";
import { useSelector } from "@xstate/react";
import type { StageId } from "@/machines/view/stages";
import type { ParamNotice, RunConfig } from "@/lib/url/simulatorParams";
import type { Mode } from "@/machines/world/modes";
import type { JournalEntry } from "@/machines/runner/runnerMachine";
import type { RunFile } from "@/lib/url/runFile";
import { LiveMetricsContext, LiveMetricsService } from "./liveMetrics";
import { useRunLoop } from "./runLoop";
import { RunnerActorContext, useRequired, type RunnerRef } from "./runnerContext";
import { SlowClock, SlowClockContext } from "./slowBeat";

/** What the workspace is looking at: a stage's inspector or a commit's journey. */
export type Selection = { kind: "stage"; stage: StageId } | { kind: "commit"; seq: number } | null;

export interface RunControl {
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
  /** Something else sets the run (a lesson): controls that change its start state or approver are not offered. */
  fixed?: boolean;
  // The /simulator workspace also offers these (a lesson does not):
  /** The share link for the run as it stands, and what it cannot replay. */
  shareState?(): ShareState;
  /** The run as it stands, as a start state (what Save writes). */
  currentState?(): RunConfig;
  /** Replaces the run with a new one from a start state (a loaded file); `from` names where it came from. */
  loadState?(config: RunConfig, from: string): void;
  /** The run itself as a file (version 2): how it started, what people did, where it stands. */
  runFile?(): RunFile;
  /** Replaces the run with one made again from a file's record; why it could not be, or null. */
  loadRun?(start: RunConfig, run: { journal: JournalEntry[]; at: number }, from: string): string | null;
  /** A new run in another mode: from Monday 00:00, or played to the moment the current run is at. */
  changeMode?(mode: Mode, how: "fresh" | "same-moment"): void;
  /** Whether a new run would throw something away: virtual time has passed or something happened. */
  hasProgress?(): boolean;
  /** What just happened to the run, said once in the status line (a new run, a loaded file). */
  announcement?: { id: number; text: string } | null;
}

export interface ShareState {
  /** The run as it stands, as a start state. */
  state: RunConfig;
  url: string;
  /** "Tue 09:30, day 2" */
  moment: string;
  /** What people did that the link cannot replay; empty when the link opens this very run. */
  notReplayable: string[];
}

export const ControlContext = createContext<RunControl | null>(null);
const SelectionContext = createContext<{ selection: Selection; select(next: Selection): void } | null>(null);

export function useRunConfig(): RunControl {
  return useRequired(useContext(ControlContext), "useRunConfig");
}

export function useSelection() {
  return useRequired(useContext(SelectionContext), "useSelection");
}

/** The workspace's run loop: ticks the run, and on the slow beat shows new metrics and refreshes panels. */
function WorkspaceRunLoop({ actor, clock, metrics }: { actor: RunnerRef; clock: SlowClock; metrics: LiveMetricsService }) {
  // What the beat changes renders in the frame it is read in: left to the scheduler it would land
  // on a later frame with that frame's own work. The panels take turns, one a frame (SlowClock).
  const onBeat = useCallback(() => {
    flushSync(() => {
      // New metrics take the beat's own frame; the panels follow on the next ones.
      clock.beat(metrics.beat());
    });
  }, [clock, metrics]);
  const afterFrame = useCallback(() => {
    if (clock.pending) flushSync(() => clock.next());
  }, [clock]);
  useRunLoop(actor, onBeat, afterFrame);
  // Paused: metrics follow each change at once.
  useEffect(() => {
    const subscription = actor.subscribe(() => metrics.changed());
    return () => subscription.unsubscribe();
  }, [actor, metrics]);
  return null;
}

/**
 * The providers of a live run around `children`: `actor` runs it, `control` says how its start state
 * changes. A new run (a reset) clears the selection, which belonged to the old one.
 */
export function RunProviders({ actor, control, children }: { actor: RunnerRef; control: RunControl; children: ReactNode }) {
  const [selection, select] = useState<Selection>(null);
  const sim = useSelector(actor, (snapshot) => snapshot.context.sim);
  // Adjusted during render, React's pattern for state that follows another value.
  const [selectedIn, setSelectedIn] = useState(sim);
  if (selectedIn !== sim) {
    setSelectedIn(sim);
    select(null);
  }
  const [clock] = useState(() => new SlowClock());
  const [metrics] = useState(() => new LiveMetricsService(actor));
  useEffect(() => () => metrics.dispose(), [metrics]);
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
