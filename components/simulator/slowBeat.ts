"use client";

/**
 * The workspace's slow beat: while playing, every panel that does not need every frame (feeds,
 * ages, batches, metrics) re-reads the run twice a second (once at top speeds), the panels taking
 * turns on the frames that follow the beat, one panel with something new a frame. Spreading that
 * work over every frame would make every frame slower; all of it on one frame would make that frame
 * long (a stutter once a second); in turns, no frame carries more than one panel.
 *
 *   useThrottledSim(fn, ms)  a slice re-read at most every `ms` while playing (feeds, panels), on
 *                            its turn after the slow beat; at once after a change while paused
 *   useSlowBeat(fn)          run something on the slow beat
 */
import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { RunnerContext } from "@/machines/runner/runnerMachine";
import type { Simulation } from "@/machines/engine/simulation";
import { useRequired, useRunner, type RunnerSnapshot } from "./runnerContext";

export const SLOW_BEAT_MS = 500;
/** At top speeds (see FAST_SPEED) the beat slows to once a second: the panels could not be read faster anyway. */
export const FAST_BEAT_MS = 1000;
/** From this speed on (simulated minutes per real second), events come faster than anyone can follow. */
export const FAST_SPEED = 120;

/** The slow beat's period at a speed. */
export function beatMsFor(speed: number): number {
  return speed >= FAST_SPEED ? FAST_BEAT_MS : SLOW_BEAT_MS;
}

/**
 * A listener of the beat: returns true when it had work to show (so it will render), false or
 * nothing when it had none.
 */
export type BeatListener = () => boolean | void;

/**
 * The beat itself: the run loop calls `beat()` on the frames of the beat and `next()` on every
 * frame, panels subscribe. The panels take turns: each frame runs listeners until one has work to
 * show, so the beat's renders land on consecutive frames, one panel a frame, instead of all on one
 * long frame. A listener with nothing to do costs no frame.
 */
export class SlowClock {
  private listeners = new Set<BeatListener>();
  private queue: BeatListener[] = [];
  /** Queues every listener; runs the first turn now unless this frame already shows something (`busy`). */
  beat(busy = false): void {
    // A listener still waiting from the last beat keeps its place in the queue.
    const waiting = new Set(this.queue);
    for (const listener of this.listeners) if (!waiting.has(listener)) this.queue.push(listener);
    if (!busy) this.next();
  }
  /** True while some listeners of the last beat have not run yet. */
  get pending(): boolean {
    return this.queue.length > 0;
  }
  /** Runs the waiting listeners up to and including the first one that had work to show. */
  next(): void {
    while (this.queue.length > 0) {
      const listener = this.queue.shift()!;
      if (this.listeners.has(listener) && listener()) return;
    }
  }
  subscribe(listener: BeatListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const SlowClockContext = createContext<SlowClock | null>(null);

/**
 * A number that changes when one of `deps` changes, compared as React compares an effect's
 * dependencies (`Object.is`, item by item): the effect below lists it instead of spreading the
 * caller's list, which the hooks linter cannot check. Adjusted during render, React's pattern for
 * state that follows props, so the effect re-runs in the same commit as before.
 */
function useDepsVersion(deps: readonly unknown[]): number {
  const [seen, setSeen] = useState({ deps, version: 0 });
  if (seen.deps.length !== deps.length || seen.deps.some((dep, i) => !Object.is(dep, deps[i]))) {
    const next = { deps, version: seen.version + 1 };
    setSeen(next);
    return next.version;
  }
  return seen.version;
}

/**
 * A slice of the run that is costly or busy to show (the feed, the inspector, metrics): read at
 * once when paused or when `deps` change, and at most every `intervalMs` while playing. With
 * `isEqual`, an equal new value keeps the old one and nothing re-renders.
 */
export function useThrottledSim<T>(
  select: (sim: Simulation, context: RunnerContext, snapshot: RunnerSnapshot) => T,
  intervalMs: number,
  deps: readonly unknown[] = [],
  isEqual?: (a: T, b: T) => boolean,
): T {
  const actor = useRunner();
  const clock = useRequired(useContext(SlowClockContext), "useThrottledSim");
  const depsVersion = useDepsVersion(deps);
  const selectRef = useRef(select);
  const equalRef = useRef(isEqual);
  useEffect(() => {
    selectRef.current = select;
    equalRef.current = isEqual;
  }, [select, isEqual]);
  const [value, setValue] = useState<T>(() => {
    const snapshot = actor.getSnapshot();
    return select(snapshot.context.sim, snapshot.context, snapshot);
  });
  const valueRef = useRef(value);
  useEffect(() => {
    valueRef.current = value;
  }, [value]);
  useEffect(() => {
    let last = -Infinity;
    let seen: RunnerSnapshot | null = null;
    let dirty = false;
    const compute = () => {
      last = performance.now();
      dirty = false;
      const snapshot = actor.getSnapshot();
      seen = snapshot;
      const next = selectRef.current(snapshot.context.sim, snapshot.context, snapshot);
      // Whether it will render: the beat gives the next panel the next frame only if this one does.
      const changed = !equalRef.current?.(valueRef.current, next);
      if (changed) setValue(next);
      return changed;
    };
    compute();
    const fromActor = actor.subscribe((snapshot) => {
      if (snapshot === seen) return;
      // Paused: people act one event at a time and see the result at once.
      if (!snapshot.matches("playing")) compute();
      else dirty = true;
    });
    const fromClock = clock.subscribe(() => {
      if (!dirty || performance.now() - last < intervalMs - SLOW_BEAT_MS / 2) return false;
      return compute();
    });
    return () => {
      fromActor.unsubscribe();
      fromClock();
    };
  }, [actor, clock, intervalMs, depsVersion]);
  return value;
}

/**
 * Subscribes to the slow beat (the frames where panels refresh while the run plays). `onBeat`
 * returns true when it changed what it shows (see BeatListener).
 */
export function useSlowBeat(onBeat: BeatListener): void {
  const clock = useRequired(useContext(SlowClockContext), "useSlowBeat");
  const ref = useRef(onBeat);
  useEffect(() => {
    ref.current = onBeat;
  }, [onBeat]);
  useEffect(() => clock.subscribe(() => ref.current()), [clock]);
}
