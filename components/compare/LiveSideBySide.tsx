"use client";

import { memo, startTransition, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import { useSelector } from "@xstate/react";
import { createActor } from "xstate";
import { Pause, Play, RotateCcw, UserCheck } from "lucide-react";
import { PipelineDiagram } from "@/components/simulator/diagram/PipelineDiagram";
import { PART_MS, paceSubscription } from "@/components/simulator/diagram/pace";
import { tickInStep, useFrameLoop } from "@/components/simulator/runLoop";
import { FAST_SPEED } from "@/components/simulator/slowBeat";
import { diagramSourceOf, diagramViewOf, type RunnerRef } from "@/components/simulator/runnerContext";
import { useReducedMotion } from "@/components/ui/useMediaQuery";
import { modeSettings, orderModes, type CompareSettings } from "@/machines/compare/compareSettings";
import { runnerMachine } from "@/machines/runner/runnerMachine";
import { DEFAULT_SPEED, SPEEDS, isSpeed, speedLabel, type Speed } from "@/machines/runner/speeds";
import { formatClock } from "@/machines/sim/calendar";
import { MODE_INFO, type Mode } from "@/machines/world/modes";
import { LEARNER } from "@/machines/words";
import type { Settings } from "@/machines/world/settings";
import { MODE_STYLE } from "./modeStyle";

/** The modes the page compares, in the product's order: each gets a live pipeline. */
export function liveModes(compare: CompareSettings): Mode[] {
  return orderModes(compare.modes);
}

/** A live run of `mode` with the comparison's team, commits and cadence (it runs until paused). */
function liveSettings(compare: CompareSettings, mode: Mode): Settings {
  return modeSettings(compare, mode).settings;
}

interface LiveRun {
  mode: Mode;
  settings: Settings;
}

function blurb(modes: readonly Mode[]): string {
  if (modes.length === 2 && modes[0] === "delivery" && modes[1] === "deployment") {
    return "The same commits through both pipelines at the same speed. Watch Approval hold work back while Continuous Deployment ships.";
  }
  return `The same commits through ${modes.length === 2 ? "both" : `all ${modes.length}`} pipelines at the same speed.`;
}

/**
 * The modes chosen on the page, animating the same commit stream at the same speed: with the
 * default pair the class watches the approval gate hold work back while the other side ships.
 *
 * Each mode is a `runnerMachine`. The shared run loop (components/simulator/runLoop.ts, with the
 * workspace's frame cap) ticks them all; a side that got ahead in virtual time (the engine lets a
 * quiet night pass faster) skips ticks until the others catch up, so every clock shows the same moment.
 */
export default function LiveSideBySide({ settings }: { settings: CompareSettings }) {
  const modes = liveModes(settings);
  // New comparison settings (modes included) start the runs again (paused), from the same commit
  // stream. While the section is off screen the restart waits until it scrolls into view: a trainer
  // stepping a slider should not pay for pipelines nobody is looking at.
  const key = JSON.stringify(modes.map((mode): LiveRun => ({ mode, settings: liveSettings(settings, mode) })));
  const [applied, setApplied] = useState(key);
  const section = useRef<HTMLElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = section.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  // Adjusted during render (React's pattern for state that follows props), not in an effect: the
  // restart happens in the same commit instead of one render later.
  if (key !== applied && visible) setApplied(key);

  const runs = useMemo(() => JSON.parse(applied) as LiveRun[], [applied]);
  const [speed, setSpeed] = useState<Speed>(DEFAULT_SPEED);
  const speedRef = useRef(speed);
  // One runner per mode, started here and stopped when the runs change or the section goes.
  const [started, setStarted] = useState<{ runs: readonly LiveRun[]; runners: readonly RunnerRef[] } | null>(null);
  useEffect(() => {
    const runners = runs.map((run) => createActor(runnerMachine, { input: { settings: run.settings, speed: speedRef.current } }).start());
    // A transition: the four diagrams render in slices that yield to the browser, not one long task.
    startTransition(() => setStarted({ runs, runners }));
    return () => runners.forEach((runner) => runner.stop());
  }, [runs]);
  // Until new runners exist (one render after the runs change) the previous ones stay on screen.
  const runners = started?.runners ?? null;

  const onSpeed = (next: Speed) => {
    speedRef.current = next;
    setSpeed(next);
    runners?.forEach((runner) => runner.send({ type: "run.speed", speed: next }));
  };

  return (
    <section
      ref={section}
      aria-labelledby="live-title"
      className="compare-live flex flex-col gap-3 rounded-2xl border border-border bg-surface-raised p-4 shadow-sm"
    >
      {started ? (
        <LiveRuns runs={started.runs} runners={started.runners} speed={speed} onSpeed={onSpeed} />
      ) : (
        <>
          <LiveTitle modes={runs.map((r) => r.mode)} />
          <div style={{ minHeight: `${runs.length * 15}rem` }} />
        </>
      )}
    </section>
  );
}

function LiveTitle({ modes, children }: { modes: readonly Mode[]; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
      <div className="min-w-0">
        <h2 id="live-title" className="text-2xl font-bold text-text">
          Live side by side
        </h2>
        <p className="text-base text-text-muted">{blurb(modes)}</p>
      </div>
      {children}
    </div>
  );
}

function LiveRuns({ runs, runners, speed, onSpeed }: { runs: readonly LiveRun[]; runners: readonly RunnerRef[]; speed: Speed; onSpeed(speed: Speed): void }) {
  // Every runner gets the same play and pause, so the first one says whether they play.
  const playing = useSelector(runners[0]!, (s) => s.matches("playing"));
  const reducedMotion = useReducedMotion();
  useFrameLoop(playing, (ms) => tickInStep(runners, ms));
  const send = (event: Parameters<RunnerRef["send"]>[0]) => runners.forEach((r) => r.send(event));

  return (
    <>
      <LiveTitle modes={runs.map((r) => r.mode)}>
        <div role="toolbar" aria-label="Live run" className="flex flex-wrap items-center gap-2">
          <button
            type="button"
            onClick={() => send({ type: playing ? "run.pause" : "run.play" })}
            className="inline-flex h-11 items-center gap-2 rounded-lg bg-accent px-4 text-base font-semibold text-on-accent hover:bg-accent-hover"
          >
            {playing ? <Pause aria-hidden="true" className="size-5" /> : <Play aria-hidden="true" className="size-5" />}
            {playing ? "Pause" : "Play"}
          </button>
          <label className="flex items-center gap-2 text-base font-semibold text-text">
            Speed
            <select
              value={speed}
              onChange={(e) => {
                const value = Number(e.target.value);
                if (isSpeed(value)) onSpeed(value);
              }}
              className="h-11 rounded-lg border border-border-strong bg-surface px-2 text-base text-text"
            >
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {speedLabel(s)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => runs.forEach((run, i) => runners[i]!.send({ type: "run.reset", settings: run.settings }))}
            className="inline-flex h-11 items-center gap-2 rounded-lg border border-border-strong bg-surface px-3 text-base font-semibold text-text hover:bg-surface-sunken"
          >
            <RotateCcw aria-hidden="true" className="size-5" />
            Restart
          </button>
          <LiveClock runners={runners} fast={playing && speed >= FAST_SPEED} />
        </div>
      </LiveTitle>
      <div className="flex flex-col gap-4">
        {runs.map((run, i) => (
          <LiveSide key={run.mode} runner={runners[i]!} mode={run.mode} playing={playing} fast={playing && speed >= FAST_SPEED} reducedMotion={reducedMotion} />
        ))}
      </div>
    </>
  );
}

/**
 * Follows runners: every change, or at top speeds (`fast`) a few times a second (the numbers beside
 * a run that changes every frame are read, not watched, and each change re-renders).
 */
function useRunnersSubscription(runners: readonly RunnerRef[], fast: boolean): (onChange: () => void) => () => void {
  return useMemo(() => {
    const subscribe = (onChange: () => void) => {
      const subscriptions = runners.map((r) => r.subscribe(onChange));
      return () => subscriptions.forEach((s) => s.unsubscribe());
    };
    return fast ? paceSubscription(subscribe, PART_MS) : subscribe;
  }, [runners, fast]);
}

/** The virtual time all sides have reached, re-rendered only when the minute shown changes. */
function LiveClock({ runners, fast }: { runners: readonly RunnerRef[]; fast: boolean }) {
  const subscribe = useRunnersSubscription(runners, fast);
  const read = () => formatClock(Math.min(...runners.map((r) => r.getSnapshot().context.sim.now)));
  const clock = useSyncExternalStore(subscribe, read, read);
  return (
    <span className="min-w-[11rem] text-lg font-bold text-text tabular-nums" aria-label="Virtual time">
      {clock}
    </span>
  );
}

/**
 * One side. Memoised: a settings change on the page must not re-render the React Flow diagrams.
 * The diagram follows its runner by itself; this component re-renders only when a number it shows
 * changes, and the view is computed once per version of the run (diagramViewOf).
 */
const LiveSide = memo(function LiveSide({
  runner,
  mode,
  playing,
  fast,
  reducedMotion,
}: {
  runner: RunnerRef;
  mode: Mode;
  playing: boolean;
  /** Top speed: the diagram takes the same light path as /simulator's (see PipelineDiagram's `fast`). */
  fast: boolean;
  reducedMotion: boolean;
}) {
  const source = useMemo(() => diagramSourceOf(runner), [runner]);
  const hasApproval = MODE_INFO[mode].hasApproval;
  const runners = useMemo(() => [runner], [runner]);
  const subscribe = useRunnersSubscription(runners, fast);
  const useRead = <T,>(select: (s: ReturnType<RunnerRef["getSnapshot"]>) => T): T => {
    const read = () => select(runner.getSnapshot());
    return useSyncExternalStore(subscribe, read, read);
  };
  const deployed = useRead((s) => diagramViewOf(s.context).production.deployments);
  const inFlight = useRead((s) => diagramViewOf(s.context).inFlight ?? 0);
  const waiting = useRead((s) => {
    const held = diagramViewOf(s.context).stages.find((stage) => stage.id === "approval");
    return held?.current?.batch ?? held?.waiting?.batch ?? 0;
  });
  // Only Continuous Delivery has a person to stand in for; manual release approves on its calendar.
  const approvable = mode === "delivery";
  const canApprove = useRead((s) => approvable && s.can({ type: "approval.approve", by: LEARNER }));
  const approver = useRead((s) => s.context.sim.team.approver.name);
  const { Icon, color } = MODE_STYLE[mode];
  const name = MODE_INFO[mode].name;

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h3 className="flex items-center gap-2 text-xl font-bold text-text">
          <Icon aria-hidden="true" className="size-6" style={{ color }} />
          {name}
        </h3>
        <p className="mr-auto text-base text-text-muted">
          <span className="font-semibold text-text">{deployed}</span> deployed · <span className="font-semibold text-text">{inFlight}</span> not in production
          {hasApproval && (
            <>
              {" "}
              · <span className="font-semibold text-text">{waiting}</span> at Approval
            </>
          )}
        </p>
        {approvable && (
          <button
            type="button"
            disabled={!canApprove}
            onClick={() => runner.send({ type: "approval.approve", by: LEARNER, comment: "Approved from the comparison page." })}
            className="inline-flex h-9 items-center gap-2 rounded-lg border border-border-strong bg-surface px-3 text-base font-semibold text-text hover:bg-surface-sunken disabled:cursor-not-allowed disabled:opacity-60 pointer-coarse:h-11"
            title={`Approve now instead of waiting for ${approver}, the scheduled approver`}
          >
            <UserCheck aria-hidden="true" className="size-5" />
            Approve
          </button>
        )}
      </div>
      <PipelineDiagram
        view={source.getView()}
        source={source}
        mode={mode}
        label={`${name} pipeline`}
        playing={playing}
        reducedMotion={reducedMotion}
        fast={fast}
        className="h-52 rounded-xl border border-border bg-surface"
      />
    </div>
  );
});
