"use client";

/**
 * The running simulation of the /simulator workspace. One engine actor (runnerMachine) lives here,
 * in the layout, so the pipeline, monitoring and team views are views of one run: moving between
 * them never resets or pauses it. Components read narrow slices through the hooks below and send
 * events; nothing here or in the views decides an outcome (that is the engine's job).
 *
 *   useRunner()              the actor: send it RunnerEvents
 *   useSimSelector(fn, eq?)  a slice of the run, re-read on every change (every frame while playing)
 *   useThrottledSim(fn, ms)  a slice re-read at most every `ms` while playing (feeds, panels), all
 *                            on the frames of the slow beat (twice a second, once at top speeds) so
 *                            the other frames stay light; at once after a change while paused
 *   useSlowBeat(fn)          run something on the slow beat
 *   useRunPlaying()          playing or paused
 *   useDiagramView()         the pipeline as the diagram draws it, computed once per change
 *   useLiveMetrics()         computeMetrics over the run so far, in a Web Worker, about once a second
 *   useRunConfig()           the start state (mode, seed, speed, approver) and how to change it
 *   useSelection()           the stage or commit being inspected, shared by every view
 *   useRunLoop(actor)        the requestAnimationFrame loop, for pages that drive their own runner
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { flushSync } from "react-dom";
import { useSearchParams } from "next/navigation";
import { useActorRef, useSelector } from "@xstate/react";
import type { ActorRefFrom, SnapshotFrom } from "xstate";
import { LIVE_RETAIN_DAYS, runnerMachine, type RunnerContext } from "@/machines/runner/runnerMachine";
import { MINUTES_PER_DAY } from "@/machines/sim/calendar";
import type { Simulation } from "@/machines/engine/simulation";
import { computeMetrics, type Metrics } from "@/machines/metrics/metrics";
import { diagramView, type DiagramView } from "@/machines/view/diagramView";
import { indexAfterSeq } from "@/machines/sim/eventLog";
import type { MetricsRequest, MetricsResponse } from "./metrics.worker";
import type { StageId } from "@/machines/view/stages";
import {
  parseSimulatorParams,
  settingsFor,
  simulatorSearch,
  type ParamNotice,
  type RunConfig,
} from "@/lib/url/simulatorParams";

export type RunnerRef = ActorRefFrom<typeof runnerMachine>;
export type RunnerSnapshot = SnapshotFrom<typeof runnerMachine>;

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

/**
 * The workspace's slow beat: while playing, every panel that does not need every frame (feeds,
 * ages, batches, metrics) re-reads the run on the same frames, twice a second. Spreading that work
 * over every frame would make every frame slower; gathering it keeps all but a few frames light.
 */
export const SLOW_BEAT_MS = 500;
/** At top speeds (see FAST_SPEED) the beat slows to once a second: the panels could not be read faster anyway. */
export const FAST_BEAT_MS = 1000;
/** From this speed on (simulated minutes per real second), events come faster than anyone can follow. */
export const FAST_SPEED = 120;

class SlowClock {
  private listeners = new Set<() => void>();
  beat(): void {
    for (const listener of [...this.listeners]) listener();
  }
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const ActorContext = createContext<RunnerRef | null>(null);
const SlowClockContext = createContext<SlowClock | null>(null);
const MetricsContext = createContext<LiveMetricsService | null>(null);
const ControlContext = createContext<RunControl | null>(null);
const SelectionContext = createContext<{ selection: Selection; select(next: Selection): void } | null>(null);

function useRequired<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`${name} must be used inside <SimulationProvider> (app/simulator/layout.tsx).`);
  return value;
}

export function useRunner(): RunnerRef {
  return useRequired(useContext(ActorContext), "useRunner");
}

export function useRunConfig(): RunControl {
  return useRequired(useContext(ControlContext), "useRunConfig");
}

export function useSelection() {
  return useRequired(useContext(SelectionContext), "useSelection");
}

/**
 * A slice of the run. `select` gets the (mutable) Simulation and the runner's context and is called
 * on every change; return primitives, or pass `isEqual` to avoid re-rendering for equal values.
 */
export function useSimSelector<T>(
  select: (sim: Simulation, context: RunnerContext) => T,
  isEqual?: (a: T, b: T) => boolean,
): T {
  const actor = useRunner();
  return useSelector(actor, (snapshot) => select(snapshot.context.sim, snapshot.context), isEqual);
}

export function useRunPlaying(): boolean {
  return useSelector(useRunner(), (snapshot) => snapshot.matches("playing"));
}

const viewCache = new WeakMap<RunnerContext, DiagramView>();

/** The diagram's view of a runner context, computed once however many components ask. */
export function diagramViewOf(context: RunnerContext): DiagramView {
  let view = viewCache.get(context);
  if (!view) {
    view = diagramView(context.sim);
    viewCache.set(context, view);
  }
  return view;
}

export function useDiagramView(): DiagramView {
  return useSelector(useRunner(), (snapshot) => diagramViewOf(snapshot.context));
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
  const selectRef = useRef(select);
  const equalRef = useRef(isEqual);
  useEffect(() => {
    selectRef.current = select;
    equalRef.current = isEqual;
  });
  const [value, setValue] = useState<T>(() => {
    const snapshot = actor.getSnapshot();
    return select(snapshot.context.sim, snapshot.context, snapshot);
  });
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
      setValue((previous) => (equalRef.current?.(previous, next) ? previous : next));
    };
    compute();
    const fromActor = actor.subscribe((snapshot) => {
      if (snapshot === seen) return;
      // Paused: people act one event at a time and see the result at once.
      if (!snapshot.matches("playing")) compute();
      else dirty = true;
    });
    const fromClock = clock.subscribe(() => {
      if (dirty && performance.now() - last >= intervalMs - SLOW_BEAT_MS / 2) compute();
    });
    return () => {
      fromActor.unsubscribe();
      fromClock();
    };
  }, [actor, clock, intervalMs, ...deps]);
  return value;
}

/** Shallow equality of two plain objects (or arrays). */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

const metricsCache = new WeakMap<Simulation, { version: number; at: number; metrics: Metrics }>();

/**
 * The window of a live run's metrics: from its start (Monday 00:00), or, once the run is older than
 * the history it keeps, over the days it keeps.
 */
export function metricsWindow(sim: Simulation): { from: number; to: number } {
  return { from: Math.max(0, sim.now - LIVE_RETAIN_DAYS * MINUTES_PER_DAY), to: Math.max(sim.now, 1) };
}

/**
 * The DORA keys and friends for a live run: the whole run kept so far, up to now. Computed at most
 * once per `maxAgeMs` (while playing, every reader within that time shares one computation).
 */
export function liveMetrics(sim: Simulation, version: number, maxAgeMs = 0): Metrics {
  const cached = metricsCache.get(sim);
  const now = performance.now();
  if (cached && (cached.version === version || now - cached.at < maxAgeMs)) return cached.metrics;
  const metrics = computeMetrics(sim.log, metricsWindow(sim));
  metricsCache.set(sim, { version, at: now, metrics });
  return metrics;
}

/**
 * The live run's metrics, computed in a Web Worker (components/simulator/metrics.worker.ts) from the
 * events the run logs, about once a second while playing and at once after a change while paused.
 * Results are shown on the slow beat. Without workers it computes on the main thread.
 */
class LiveMetricsService {
  private worker: Worker | null = null;
  private failed = false;
  private readonly runs = new WeakMap<Simulation, number>();
  private nextRun = 1;
  private sentRun = -1;
  private sentSeq = 0;
  private busy = false;
  private again = false;
  private lastPost = -Infinity;
  private pending: Metrics | null = null;
  private value: Metrics | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly actor: RunnerRef) {}

  get(): Metrics {
    if (!this.value) {
      const { sim, version } = this.actor.getSnapshot().context;
      this.value = liveMetrics(sim, version);
    }
    return this.value;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.request();
    return () => {
      this.listeners.delete(listener);
    };
  };

  private playing(): boolean {
    return this.actor.getSnapshot().matches("playing");
  }

  private show(metrics: Metrics): void {
    this.value = metrics;
    for (const listener of [...this.listeners]) listener();
  }

  /** The slow beat: show what the worker sent back, and ask again once a second. */
  beat(): void {
    if (this.listeners.size === 0) return;
    if (this.pending) {
      const metrics = this.pending;
      this.pending = null;
      this.show(metrics);
    }
    if (performance.now() - this.lastPost >= 1000 - SLOW_BEAT_MS / 2) this.request();
  }

  /** The run changed while paused (a step, an approval, a reset): ask now. */
  changed(): void {
    if (this.listeners.size > 0 && !this.playing()) this.request();
  }

  private runOf(sim: Simulation): number {
    let id = this.runs.get(sim);
    if (id === undefined) {
      id = this.nextRun++;
      this.runs.set(sim, id);
    }
    return id;
  }

  private request(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    const { sim, version } = this.actor.getSnapshot().context;
    this.lastPost = performance.now();
    if (!this.worker && !this.failed) {
      try {
        this.worker = new Worker(new URL("./metrics.worker.ts", import.meta.url), { name: "live-metrics" });
        this.worker.onmessage = (event: MessageEvent<MetricsResponse>) => this.received(event.data);
        this.worker.onerror = () => {
          this.failed = true;
          this.worker?.terminate();
          this.worker = null;
          this.busy = false;
        };
      } catch {
        this.failed = true;
      }
    }
    if (!this.worker) {
      this.show(liveMetrics(sim, version));
      return;
    }
    const run = this.runOf(sim);
    const start = run === this.sentRun ? indexAfterSeq(sim.log, this.sentSeq) : 0;
    const events = sim.log.slice(start);
    this.sentRun = run;
    this.sentSeq = sim.log[sim.log.length - 1]?.seq ?? 0;
    this.busy = true;
    const request: MetricsRequest = { run, events, ...metricsWindow(sim) };
    this.worker.postMessage(request);
  }

  private received(response: MetricsResponse): void {
    this.busy = false;
    const current = this.runOf(this.actor.getSnapshot().context.sim);
    if (response.run === current) {
      if (this.playing()) this.pending = response.metrics;
      else this.show(response.metrics);
    }
    if (this.again || response.run !== current) {
      this.again = false;
      this.request();
    }
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    this.listeners.clear();
  }
}

/**
 * Live metrics of the run so far (the DORA keys with their bands, stage times, batch sizes). Updated
 * about once a second while playing (`intervalMs` is kept for callers; the cadence is shared).
 */
export function useLiveMetrics(intervalMs = 1000): Metrics {
  void intervalMs;
  const service = useRequired(useContext(MetricsContext), "useLiveMetrics");
  const read = useCallback(() => service.get(), [service]);
  return useSyncExternalStore(service.subscribe, read, read);
}

/**
 * A frame's real time as the run sees it: never more than this (a 50 Hz frame). When a machine
 * cannot keep up, the simulation runs a little slower than the chosen speed instead of making every
 * late frame simulate more, and so be later still (the "spiral of death" of game loops). At 60 Hz
 * and above nothing changes.
 */
export const MAX_FRAME_MS = 20;

/**
 * Sends `run.tick` from requestAnimationFrame while the run plays, and nothing while paused. Exported
 * for other pages that drive their own runner (the live side-by-side on /compare). `onBeat` is
 * called on the frames of the slow beat.
 */
export function useRunLoop(actor: RunnerRef, onBeat?: () => void): void {
  const playing = useSelector(actor, (snapshot) => snapshot.matches("playing"));
  const beatRef = useRef(onBeat);
  useEffect(() => {
    beatRef.current = onBeat;
  });
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last: number | null = null;
    let lastBeat = -Infinity;
    const tick = (now: number) => {
      if (last !== null) actor.send({ type: "run.tick", ms: Math.min(now - last, MAX_FRAME_MS) });
      last = now;
      const beat = actor.getSnapshot().context.speed >= FAST_SPEED ? FAST_BEAT_MS : SLOW_BEAT_MS;
      if (now - lastBeat >= beat) {
        lastBeat = now;
        beatRef.current?.();
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [actor, playing]);
}

function RunLoop({ actor, clock, metrics }: { actor: RunnerRef; clock: SlowClock; metrics: LiveMetricsService }) {
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

/** Subscribes to the slow beat (the frames where panels refresh while the run plays). */
export function useSlowBeat(onBeat: () => void): void {
  const clock = useRequired(useContext(SlowClockContext), "useSlowBeat");
  const ref = useRef(onBeat);
  useEffect(() => {
    ref.current = onBeat;
  });
  useEffect(() => clock.subscribe(() => ref.current()), [clock]);
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
    <ActorContext.Provider value={actor}>
      <SlowClockContext.Provider value={clock}>
        <MetricsContext.Provider value={metrics}>
          <ControlContext.Provider value={control}>
            <SelectionContext.Provider value={selectionValue}>
              <RunLoop actor={actor} clock={clock} metrics={metrics} />
              {children}
            </SelectionContext.Provider>
          </ControlContext.Provider>
        </MetricsContext.Provider>
      </SlowClockContext.Provider>
    </ActorContext.Provider>
  );
}
