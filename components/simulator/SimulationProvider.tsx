"use client";

/**
 * The running simulation of the /simulator workspace. One engine actor (runnerMachine) lives here,
 * in the layout, so the pipeline, monitoring and team views are views of one run: moving between
 * them never resets or pauses it. Components read narrow slices through hooks and send events;
 * nothing here or in the views decides an outcome (that is the engine's job).
 *
 *   useRunConfig()           the start state (mode, seed, speed, approver, settings, faults, moment)
 *                            and how to change it, share it, save it and load it
 *   useSelection()           the stage or commit being inspected, shared by every view
 *
 * The rest lives beside it, each in a file named for what it holds:
 *   RunProviders.tsx         the contexts of any live run (a lesson holds one too)
 *   runnerContext.ts         the actor and the hooks that read it (useRunner, useSimSelector, ...)
 *   runHistory.ts            what people did to the run that a link cannot replay
 *   slowBeat.ts              the slow beat panels refresh on (useThrottledSim, useSlowBeat)
 *   liveMetrics.ts           the live metrics service (useLiveMetrics)
 *   runLoop.ts               the requestAnimationFrame loop and its frame cap (useRunLoop)
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import { useActorRef, useSelector } from "@xstate/react";
import { replayRun, runnerMachine, type JournalEntry } from "@/machines/runner/runnerMachine";
import { formatClock } from "@/machines/sim/calendar";
import { MODE_INFO, type Mode } from "@/machines/world/modes";
import { MomentWatch } from "@/machines/runner/moments";
import { parseSimulatorParams, settingsFor, simulatorSearch, startStateOf, type ParamNotice, type RunConfig } from "@/lib/url/simulatorParams";
import { runFileOfRun, type RunRecord } from "@/lib/url/runFile";
import { RunProviders, type RunControl, type ShareState } from "./RunProviders";
import { RunHistory } from "./runHistory";
import { MomentsContext } from "./useMoments";
import { clearSavedRun, useSavedRun } from "./useSavedRun";

// Kept so components that import these from here keep working; new code imports from the files above.
export { diagramViewOf, useRunner, useSimSelector } from "./runnerContext";
export { useThrottledSim } from "./slowBeat";
export { useRunConfig, useSelection, type Selection } from "./RunProviders";

/** "at Tue 09:30, day 2" or "from Monday 00:00": where a run starts, in words. */
function startWords(t: number | undefined): string {
  return t ? `at ${formatClock(t)}` : "from Monday 00:00";
}

/** Holds the run for every view under /simulator. Reads its start state from the address once. */
export function SimulationProvider({ children }: { children: ReactNode }) {
  const searchParams = useSearchParams();
  const [initial] = useState(() => parseSimulatorParams(searchParams));
  const [config, setConfig] = useState<RunConfig>(initial.config);
  const [notices, setNotices] = useState<ParamNotice[]>(initial.notices);
  const [announcement, setAnnouncement] = useState<{ id: number; text: string } | null>(null);

  // The run is played forward to the link's moment before anyone watches it (the same run as played
  // there: same seed, same events); the faults the link arms are injected once it is up, below.
  const [moments] = useState(() => new MomentWatch());
  const actor = useActorRef(runnerMachine, {
    input: { settings: settingsFor(initial.config), speed: initial.config.speed, startAt: initial.config.t, watch: moments },
  });

  const armedFromLink = useRef(false);
  useEffect(() => {
    if (armedFromLink.current) return;
    armedFromLink.current = true;
    for (const fault of initial.config.faults ?? []) actor.send({ type: "fault.inject", fault });
  }, [actor, initial]);

  const [history] = useState(() => new RunHistory());
  const sim = useSelector(actor, (snapshot) => snapshot.context.sim);
  useEffect(() => {
    history.follow(sim);
  }, [history, sim]);
  useEffect(() => () => history.stop(), [history]);

  const configRef = useRef(config);
  /** The start state the run on screen began from (config changes the approver and speed on the way). */
  const startRef = useRef(initial.config);
  const setStart = useCallback((next: RunConfig) => {
    configRef.current = next;
    setConfig(next);
    // Keep the address in step, so a reload or a copied link shows the same start state.
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${simulatorSearch(next)}`);
  }, []);

  const announce = useCallback((text: string) => setAnnouncement((a) => ({ id: (a?.id ?? 0) + 1, text })), []);

  /** A new run from a start state: settings, played to its moment, its faults armed; paused. */
  const startRun = useCallback(
    (next: RunConfig) => {
      const before = configRef.current;
      startRef.current = next;
      actor.send({ type: "run.reset", settings: settingsFor(next), startAt: next.t });
      for (const fault of next.faults ?? []) actor.send({ type: "fault.inject", fault });
      if (next.speed !== before.speed) actor.send({ type: "run.speed", speed: next.speed });
      setStart(next);
    },
    [actor, setStart],
  );

  const applyConfig = useCallback(
    (change: Partial<RunConfig>) => {
      const before = configRef.current;
      const next: RunConfig = { ...before, ...change };
      if (next.mode !== before.mode || next.seed !== before.seed || next.commitsPerDay !== before.commitsPerDay) {
        // A new run from Monday 00:00: the moment and the armed faults belonged to the old one.
        startRun({ ...next, t: change.t, faults: change.faults });
        return;
      }
      if (next.approver !== before.approver && next.mode === "delivery") {
        actor.send({ type: "settings.change", change: { approver: next.approver } });
      }
      if (next.speed !== before.speed) actor.send({ type: "run.speed", speed: next.speed });
      setStart(next);
    },
    [actor, startRun, setStart],
  );

  const reset = useCallback(() => {
    // A new run: the saved one is forgotten (the new one is saved in its place as it goes).
    void clearSavedRun();
    startRun({ ...configRef.current, t: undefined, faults: undefined });
  }, [startRun]);

  /** The run as what makes it: how it started, what people did, where it stands (a saved run, a run file). */
  const runRecord = useCallback((): RunRecord => {
    const { sim, journal } = actor.getSnapshot().context;
    return { start: { ...startRef.current, speed: configRef.current.speed }, journal, at: sim.now };
  }, [actor]);

  /** Replaces the run with one made again from a record; why it could not be, or null. */
  const loadRun = useCallback(
    (start: RunConfig, run: { journal: JournalEntry[]; at: number }, from?: string): string | null => {
      const runStart = { settings: settingsFor(start), startAt: start.t ?? 0 };
      const replay = replayRun(runStart, run.journal, run.at);
      if (!replay.ok) return `actions.${replay.failedAt} cannot be replayed: the run did not await that decision there`;
      actor.send({ type: "run.load", sim: replay.sim, start: runStart, journal: run.journal });
      // The approver chosen on the way is the last one the run was told.
      let approver = start.approver;
      for (const { event } of run.journal) if (event.type === "settings.change" && event.change.approver) approver = event.change.approver;
      const next: RunConfig = { ...start, approver, faults: undefined };
      startRef.current = { ...start, faults: undefined };
      if (next.speed !== configRef.current.speed) actor.send({ type: "run.speed", speed: next.speed });
      setStart(next);
      const where = `${MODE_INFO[next.mode].name}, seed ${next.seed}, at ${formatClock(run.at)}`;
      announce(from ? `Loaded ${from}: ${where}.` : `Your run is back where you left it: ${where}.`);
      return null;
    },
    [actor, announce, setStart],
  );
  const restoreSaved = useCallback((saved: { config: RunConfig; run: { journal: JournalEntry[]; at: number } }) => loadRun(saved.config, saved.run), [loadRun]);
  useSavedRun(actor, runRecord, restoreSaved, announce);

  /** The run as it stands: today's settings, the faults waiting to strike, the moment on the clock. */
  const currentState = useCallback(
    (): RunConfig => startStateOf(actor.getSnapshot().context.sim, configRef.current, history.changed.testCoverage),
    [actor, history],
  );

  const shareState = useCallback((): ShareState => {
    const state = currentState();
    return {
      state,
      url: `${window.location.origin}/simulator${simulatorSearch(state, { full: true })}`,
      moment: formatClock(state.t ?? 0),
      notReplayable: history.notReplayable(),
    };
  }, [currentState, history]);

  const changeMode = useCallback(
    (mode: Mode, how: "fresh" | "same-moment") => {
      const { seed } = configRef.current;
      const name = MODE_INFO[mode].name;
      if (how === "fresh") {
        applyConfig({ mode });
        announce(`Started a new ${name} run from Monday 00:00 with seed ${seed}.`);
      } else {
        const state = { ...currentState(), mode };
        startRun(state);
        announce(`Started ${name} ${startWords(state.t)} with seed ${seed}: the same commits, played in the new mode up to this moment.`);
      }
    },
    [announce, applyConfig, currentState, startRun],
  );

  const loadState = useCallback(
    (next: RunConfig, from: string) => {
      startRun(next);
      announce(`Loaded ${from}: ${MODE_INFO[next.mode].name}, seed ${next.seed}, ${startWords(next.t)}.`);
    },
    [announce, startRun],
  );

  const control = useMemo<RunControl>(
    () => ({
      config,
      notices,
      dismissNotices: () => setNotices([]),
      applyConfig,
      reset,
      shareUrl: () => shareState().url,
      shareState,
      currentState,
      loadState,
      runFile: () => runFileOfRun(runRecord()),
      loadRun,
      changeMode,
      hasProgress: () => {
        const live = actor.getSnapshot().context.sim;
        return live.now > 0 || live.log.length > 0;
      },
      announcement,
    }),
    [config, notices, applyConfig, reset, shareState, currentState, loadState, runRecord, loadRun, changeMode, announcement, actor],
  );

  return (
    <RunProviders actor={actor} control={control}>
      <MomentsContext.Provider value={moments}>{children}</MomentsContext.Provider>
    </RunProviders>
  );
}
