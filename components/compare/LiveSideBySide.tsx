"use client";

import { memo, useEffect, useMemo, useRef, useState } from "react";
import { useActorRef, useSelector } from "@xstate/react";
import { Pause, Play, RotateCcw, UserCheck } from "lucide-react";
import { PipelineDiagram } from "@/components/simulator/diagram/PipelineDiagram";
import { useReducedMotion } from "@/components/ui/useMediaQuery";
import { modeSettings, type CompareSettings } from "@/machines/compare/settings";
import { runnerMachine } from "@/machines/runner/runnerMachine";
import { DEFAULT_SPEED, SPEEDS, isSpeed, speedLabel, type Speed } from "@/machines/runner/speeds";
import { formatClock } from "@/machines/sim/calendar";
import { diagramView } from "@/machines/view/diagramView";
import { MODE_INFO, type Mode } from "@/machines/world/modes";
import { LEARNER } from "@/machines/words";
import type { Settings } from "@/machines/world/settings";
import { MODE_STYLE } from "./modeStyle";

type Runner = ReturnType<typeof useActorRef<typeof runnerMachine>>;

const SIDES: readonly Mode[] = ["delivery", "deployment"];

/** A live run of `mode` with the comparison's team, commits and cadence (it runs until paused). */
function liveSettings(compare: CompareSettings, mode: Mode): Settings {
  return modeSettings(compare, mode).settings;
}

/**
 * Two pipelines, Continuous Delivery and Continuous Deployment, animating the same commit stream at the
 * same speed: the class watches the approval gate hold work back while the other side ships.
 *
 * Each side is a `runnerMachine`. One animation loop ticks both; a side that got ahead in virtual time
 * (the engine lets a quiet night pass faster) skips ticks until the other catches up, so both clocks
 * show the same moment.
 */
export default function LiveSideBySide({ settings }: { settings: CompareSettings }) {
  const delivery = useActorRef(runnerMachine, { input: { settings: liveSettings(settings, "delivery"), speed: DEFAULT_SPEED } });
  const deployment = useActorRef(runnerMachine, {
    input: { settings: liveSettings(settings, "deployment"), speed: DEFAULT_SPEED },
  });
  const runners = useMemo(() => [delivery, deployment] as const, [delivery, deployment]);
  const playing = useSelector(delivery, (s) => s.matches("playing"));
  const speed = useSelector(delivery, (s) => s.context.speed);
  const reducedMotion = useReducedMotion();

  // New comparison settings start both runs again (paused), from the same commit stream. While the
  // section is off screen the restart waits until it scrolls into view: a trainer stepping a slider
  // should not pay for two pipelines nobody is looking at.
  const key = JSON.stringify(SIDES.map((m) => liveSettings(settings, m)));
  const appliedKey = useRef(key);
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
  useEffect(() => {
    if (key === appliedKey.current || !visible) return;
    appliedKey.current = key;
    const next = JSON.parse(key) as Settings[];
    runners.forEach((runner, i) => runner.send({ type: "run.reset", settings: next[i]! }));
  }, [key, visible, runners]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      if (last !== null) {
        const ms = now - last;
        const times = runners.map((r) => r.getSnapshot().context.sim.now);
        const behind = Math.min(...times);
        runners.forEach((runner, i) => {
          // Half a virtual minute of slack: one frame at top speed.
          if (times[i]! <= behind + 0.5) runner.send({ type: "run.tick", ms });
        });
      }
      last = now;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, runners]);

  const send = (event: Parameters<Runner["send"]>[0]) => runners.forEach((r) => r.send(event));
  const clock = useSelector(delivery, (s) => s.context.sim.now);
  const otherClock = useSelector(deployment, (s) => s.context.sim.now);

  return (
    <section ref={section} aria-labelledby="live-title" className="compare-live flex flex-col gap-3 rounded-2xl border border-border bg-surface-raised p-4 shadow-sm">
      <div className="flex flex-wrap items-end justify-between gap-x-6 gap-y-2">
        <div className="min-w-0">
          <h2 id="live-title" className="text-2xl font-bold text-text">
            Live side by side
          </h2>
          <p className="text-base text-text-muted">
            The same commits through both pipelines at the same speed. Watch Approval hold work back while
            Continuous Deployment ships.
          </p>
        </div>
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
                if (isSpeed(value)) send({ type: "run.speed", speed: value as Speed });
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
            onClick={() => SIDES.forEach((m, i) => runners[i]!.send({ type: "run.reset", settings: liveSettings(settings, m) }))}
            className="inline-flex h-11 items-center gap-2 rounded-lg border border-border-strong bg-surface px-3 text-base font-semibold text-text hover:bg-surface-sunken"
          >
            <RotateCcw aria-hidden="true" className="size-5" />
            Restart
          </button>
          <span className="min-w-[11rem] text-lg font-bold text-text tabular-nums" aria-label="Virtual time">
            {formatClock(Math.min(clock, otherClock))}
          </span>
        </div>
      </div>
      <div className="flex flex-col gap-4">
        <LiveSide runner={delivery} mode="delivery" playing={playing} reducedMotion={reducedMotion} />
        <LiveSide runner={deployment} mode="deployment" playing={playing} reducedMotion={reducedMotion} />
      </div>
    </section>
  );
}

/** One side. Memoised: a settings change on the page must not re-render two React Flow diagrams. */
const LiveSide = memo(function LiveSide({
  runner,
  mode,
  playing,
  reducedMotion,
}: {
  runner: Runner;
  mode: Mode;
  playing: boolean;
  reducedMotion: boolean;
}) {
  const version = useSelector(runner, (s) => s.context.version);
  const sim = useSelector(runner, (s) => s.context.sim);
  // `sim` is mutable: `version` says when it changed.
  const view = useMemo(() => diagramView(sim), [sim, version]); // eslint-disable-line react-hooks/exhaustive-deps
  const approver = sim.team.approver.name;
  const canApprove = mode === "delivery" && view.canDecide;
  const { Icon, color } = MODE_STYLE[mode];
  const name = MODE_INFO[mode].name;
  const held = view.stages.find((s) => s.id === "approval");
  const waiting = held?.current?.batch ?? held?.waiting?.batch ?? 0;

  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h3 className="flex items-center gap-2 text-xl font-bold text-text">
          <Icon aria-hidden="true" className="size-6" style={{ color }} />
          {name}
        </h3>
        <p className="mr-auto text-base text-text-muted">
          <span className="font-semibold text-text">{view.production.deployments}</span> deployed ·{" "}
          <span className="font-semibold text-text">{view.inFlight ?? 0}</span> not in production
          {mode === "delivery" && (
            <>
              {" "}
              · <span className="font-semibold text-text">{waiting}</span> at Approval
            </>
          )}
        </p>
        {mode === "delivery" && (
          <button
            type="button"
            disabled={!canApprove}
            onClick={() => runner.send({ type: "approval.approve", by: LEARNER, comment: "Approved from the comparison page." })}
            className="inline-flex h-9 items-center gap-2 rounded-lg border border-border-strong bg-surface px-3 text-base font-semibold text-text hover:bg-surface-sunken disabled:cursor-not-allowed disabled:opacity-60"
            title={`Approve now instead of waiting for ${approver}, the scheduled approver`}
          >
            <UserCheck aria-hidden="true" className="size-5" />
            Approve
          </button>
        )}
      </div>
      <PipelineDiagram
        view={view}
        mode={mode}
        label={`${name} pipeline`}
        playing={playing}
        reducedMotion={reducedMotion}
        className="h-52 rounded-xl border border-border bg-surface"
      />
    </div>
  );
});
