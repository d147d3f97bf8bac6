"use client";

/**
 * The run loop: requestAnimationFrame sends `run.tick` to a runner while it plays, with one frame
 * cap for every live page (the /simulator workspace and the live side by side on /compare).
 */
import { useEffect, useRef } from "react";
import { useSelector } from "@xstate/react";
import type { RunnerRef } from "./runnerContext";
import { beatMsFor } from "./slowBeat";

/**
 * A frame's real time as the run sees it: never more than this (a 50 Hz frame). When a machine
 * cannot keep up, the simulation runs a little slower than the chosen speed instead of making every
 * late frame simulate more, and so be later still (the "spiral of death" of game loops). At 60 Hz
 * and above nothing changes.
 */
export const MAX_FRAME_MS = 20;

export interface FrameLoopOptions {
  /** How often the slow beat comes now, in ms (it can depend on the speed). */
  beatMs?: () => number;
  /** Called on the frames of the slow beat. */
  onBeat?: () => void;
  /** Called on every frame after the others (the slow beat's later turns). */
  afterFrame?: () => void;
}

/**
 * Calls `frame(ms)` on every animation frame while `running`, with the real time since the last
 * frame capped at MAX_FRAME_MS (nothing on the first frame), and `onBeat` on the frames of the slow
 * beat. Nothing runs while stopped.
 */
export function useFrameLoop(running: boolean, frame: (ms: number) => void, options: FrameLoopOptions = {}): void {
  const latest = useRef({ frame, ...options });
  useEffect(() => {
    latest.current = { frame, ...options };
  }, [frame, options]);
  useEffect(() => {
    if (!running) return;
    let handle = 0;
    let last: number | null = null;
    let lastBeat = -Infinity;
    const tick = (now: number) => {
      const { frame, beatMs, onBeat, afterFrame } = latest.current;
      if (last !== null) frame(Math.min(now - last, MAX_FRAME_MS));
      last = now;
      if (onBeat && now - lastBeat >= (beatMs?.() ?? 0)) {
        lastBeat = now;
        onBeat();
      } else afterFrame?.();
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [running]);
}

/**
 * Sends `run.tick` from requestAnimationFrame while the run plays, and nothing while paused. `onBeat`
 * is called on the frames of the slow beat, `afterFrame` on the others.
 */
export function useRunLoop(actor: RunnerRef, onBeat?: () => void, afterFrame?: () => void): void {
  const playing = useSelector(actor, (snapshot) => snapshot.matches("playing"));
  useFrameLoop(playing, (ms) => actor.send({ type: "run.tick", ms }), {
    beatMs: () => beatMsFor(actor.getSnapshot().context.speed),
    onBeat,
    afterFrame,
  });
}

/** Virtual minutes one runner may be ahead of the others before it waits for them. */
export const IN_STEP_SLACK_MINUTES = 0.5;

/**
 * One frame for several runners that show the same moment side by side: a runner that got ahead in
 * virtual time (the engine lets a quiet night pass faster) skips frames until the others catch up,
 * so their clocks agree.
 */
export function tickInStep(runners: readonly RunnerRef[], ms: number): void {
  const times = runners.map((r) => r.getSnapshot().context.sim.now);
  const behind = Math.min(...times);
  runners.forEach((runner, i) => {
    if (times[i]! <= behind + IN_STEP_SLACK_MINUTES) runner.send({ type: "run.tick", ms });
  });
}
