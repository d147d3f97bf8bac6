"use client";

/**
 * The live run's metrics (the DORA keys with their bands, stage times, batch sizes), computed in a
 * Web Worker about once a second while playing and shown on the slow beat.
 *
 *   useLiveMetrics()         computeMetrics over the run so far
 *   liveMetrics(sim, v)      the same on the main thread, cached per version
 */
import { createContext, useCallback, useContext, useSyncExternalStore } from "react";
import { LIVE_RETAIN_DAYS } from "@/machines/runner/runnerMachine";
import { MINUTES_PER_DAY } from "@/machines/sim/calendar";
import type { Simulation } from "@/machines/engine/simulation";
import { computeMetrics, type Metrics } from "@/machines/metrics/metrics";
import { indexAfterSeq } from "@/machines/sim/eventLog";
import type { MetricsRequest, MetricsResponse } from "./metrics.worker";
import { useRequired, type RunnerRef } from "./runnerContext";
import { SLOW_BEAT_MS } from "./slowBeat";

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
export class LiveMetricsService {
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

  /** The slow beat: show what the worker sent back, and ask again once a second. True if it showed new metrics. */
  beat(): boolean {
    if (this.listeners.size === 0) return false;
    const metrics = this.pending;
    if (metrics) {
      this.pending = null;
      this.show(metrics);
    }
    if (performance.now() - this.lastPost >= 1000 - SLOW_BEAT_MS / 2) this.request();
    return metrics !== null;
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

export const LiveMetricsContext = createContext<LiveMetricsService | null>(null);

/**
 * Live metrics of the run so far (the DORA keys with their bands, stage times, batch sizes). Updated
 * about once a second while playing (`intervalMs` is kept for callers; the cadence is shared).
 */
export function useLiveMetrics(intervalMs = 1000): Metrics {
  void intervalMs;
  const service = useRequired(useContext(LiveMetricsContext), "useLiveMetrics");
  const read = useCallback(() => service.get(), [service]);
  return useSyncExternalStore(service.subscribe, read, read);
}
