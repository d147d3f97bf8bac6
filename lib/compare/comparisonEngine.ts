import { runMode, type ModeRun } from "@/machines/compare/runComparison";
import { modeSettings, orderModes, runKey, type CompareSettings } from "@/machines/compare/compareSettings";
import type { ReleasePlan } from "@/machines/compare/cadence";
import type { Settings } from "@/machines/world/settings";
import type { WorkerRequest, WorkerResponse } from "./compare.worker";

/**
 * Computes comparisons in the browser, off the main thread: one task per mode, spread over a pool of
 * Web Workers (one per core, two to four), so modes run side by side.
 *
 * - Runs are cached by their settings (the engine is deterministic): going back to earlier settings, or
 *   changing something only some modes use (the cadence), recomputes only what changed.
 * - The newest request wins: tasks that an older request queued and no worker has been given yet are
 *   dropped; a task already given to a worker finishes and lands in the cache.
 * - Without Worker support (or if a worker fails to start), tasks run on the main thread.
 */
export interface ComparisonResult {
  settings: CompareSettings;
  runs: ModeRun[];
  /** Wall time of this request, in ms, and how many modes it had to compute (the rest were cached). */
  ms: number;
  computed: number;
  /** Engine time of each computed mode inside its worker, in ms. */
  engineMs: number[];
}

interface Task {
  key: string;
  settings: Settings;
  plan: ReleasePlan;
  resolve: (run: ModeRun) => void;
  reject: (error: Error) => void;
  /** Background work for a guess (prefetch): only ever given to an idle worker, one at a time. */
  speculative: boolean;
}

interface Slot {
  worker: Worker;
  /** Tasks posted to this worker, oldest (running) first. */
  tasks: Task[];
}

/**
 * Tasks a worker holds at once: the one it runs and the next, so it never waits for the main thread
 * (busy drawing the previous result) to hand it more work.
 */
const DEPTH = 2;
/**
 * Workers: one per core, from two to four (a comparison holds at most four modes). More workers than
 * cores only take turns on them: on two cores, the first new seed after loading four modes was drawn
 * in 471 ms with two workers against 993 ms with four (median of 6 page loads each), and a mode's run
 * took 87-117 ms in a worker against 151-386 ms.
 */
export function defaultPoolSize(cores = typeof navigator === "undefined" ? 0 : navigator.hardwareConcurrency): number {
  return Math.max(2, Math.min(4, cores || 4));
}

/** Runs kept: four modes times a dozen recent settings (a run is a few hundred kB). */
const CACHE_SIZE = 48;
/** Thrown to callers whose request a newer one replaced before it ran. */
export class Superseded extends Error {
  constructor() {
    super("superseded by a newer request");
  }
}

export class ComparisonEngine {
  private readonly cache = new Map<string, ModeRun>();
  private readonly pending = new Map<string, Promise<ModeRun>>();
  private queue: Task[] = [];
  private slots: Slot[] | null = null;
  private nextId = 1;
  private readonly byId = new Map<number, Task>();
  /** Engine ms of recently computed runs, by key (diagnostics for the page and the benchmark). */
  private readonly engineTime = new Map<string, number>();
  private disposed = false;
  /** The main-thread fallback has a task scheduled. */
  private runningHere = false;

  constructor(private readonly poolSize = defaultPoolSize()) {}

  /** Computes every mode of `settings` (from cache where possible). */
  async compute(settings: CompareSettings): Promise<ComparisonResult> {
    const started = performance.now();
    const modes = orderModes(settings.modes);
    const wanted = modes.map((mode) => {
      const { settings: s, plan } = modeSettings(settings, mode);
      return { key: runKey(s, plan), settings: s, plan };
    });
    const keys = new Set(wanted.map((w) => w.key));
    // The newest request wins: drop queued work nobody needs any more; a guess that came true is real work now.
    this.queue = this.queue.filter((task) => {
      if (keys.has(task.key)) {
        task.speculative = false;
        return true;
      }
      this.pending.delete(task.key);
      task.reject(new Superseded());
      return false;
    });
    let computed = 0;
    const engineMs: number[] = [];
    const runs = await Promise.all(
      wanted.map((w) => {
        const hit = this.cache.get(w.key);
        if (hit) {
          // Refresh its place in the LRU order.
          this.cache.delete(w.key);
          this.cache.set(w.key, hit);
          return hit;
        }
        computed++;
        return this.schedule(w.key, w.settings, w.plan).then((run) => {
          const ms = this.engineTime.get(w.key);
          if (ms !== undefined) engineMs.push(ms);
          return run;
        });
      }),
    );
    return { settings, runs, ms: performance.now() - started, computed, engineMs };
  }

  /**
   * Computes `candidates` in the background, for a cache hit if one of them comes next. Queued after
   * real work and dropped by the next `compute` that does not need it; at most one run per worker is
   * ever in the way of a real request.
   */
  prefetch(candidates: readonly CompareSettings[]): void {
    for (const settings of candidates) {
      for (const mode of orderModes(settings.modes)) {
        const { settings: s, plan } = modeSettings(settings, mode);
        const key = runKey(s, plan);
        if (this.cache.has(key) || this.pending.has(key)) continue;
        void this.schedule(key, s, plan, true).catch(() => undefined);
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const slot of this.slots ?? []) slot.worker.terminate();
    this.slots = [];
    for (const task of this.queue) task.reject(new Superseded());
    this.queue = [];
  }

  private schedule(key: string, settings: Settings, plan: ReleasePlan, speculative = false): Promise<ModeRun> {
    const existing = this.pending.get(key);
    if (existing) return existing;
    const promise = new Promise<ModeRun>((resolve, reject) => {
      const task: Task = { key, settings, plan, resolve, reject, speculative };
      // Real work goes before any guess still waiting.
      const firstGuess = this.queue.findIndex((t) => t.speculative);
      if (speculative || firstGuess === -1) this.queue.push(task);
      else this.queue.splice(firstGuess, 0, task);
    });
    this.pending.set(key, promise);
    // A superseded task's promise is rejected; callers that still hold it see the rejection.
    promise.then(
      (run) => this.remember(key, run),
      () => undefined,
    );
    this.pump();
    return promise;
  }

  private remember(key: string, run: ModeRun): void {
    this.pending.delete(key);
    this.cache.set(key, run);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
  }

  private pump(): void {
    if (this.disposed) return;
    const slots = this.ensureSlots();
    if (slots.length === 0) {
      // No workers: run one task per macrotask so the page can paint in between (the queue stays
      // queued, so a newer request can still drop it). No guessing here: it would block the page.
      if (this.runningHere) return;
      const task = this.queue.shift();
      if (!task) return;
      if (task.speculative) {
        this.pending.delete(task.key);
        task.reject(new Superseded());
        this.pump();
        return;
      }
      this.runningHere = true;
      setTimeout(() => {
        this.runHere(task);
        this.runningHere = false;
        this.pump();
      }, 0);
      return;
    }
    // Real work: the least busy worker first, one task at a time, up to DEPTH each. A guess: only to an
    // idle worker, and one guess at a time.
    for (;;) {
      const task = this.queue[0];
      if (!task) return;
      const slot = slots.reduce((best, s) => (s.tasks.length < best.tasks.length ? s : best));
      if (task.speculative) {
        const guessing = slots.some((s) => s.tasks.some((t) => t.speculative));
        if (guessing || slot.tasks.length > 0) return;
      } else if (slot.tasks.length >= DEPTH) return;
      this.queue.shift();
      slot.tasks.push(task);
      const id = this.nextId++;
      this.byId.set(id, task);
      slot.worker.postMessage({ id, settings: task.settings, plan: task.plan } satisfies WorkerRequest);
    }
  }

  private runHere(task: Task): void {
    try {
      const started = performance.now();
      const run = runMode(task.settings, task.plan);
      this.engineTime.set(task.key, performance.now() - started);
      task.resolve(run);
    } catch (error) {
      this.pending.delete(task.key);
      task.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private ensureSlots(): Slot[] {
    if (this.slots) return this.slots;
    this.slots = [];
    if (typeof Worker === "undefined") return this.slots;
    try {
      for (let i = 0; i < this.poolSize; i++) {
        const worker = new Worker(new URL("./compare.worker.ts", import.meta.url), { name: `compare-${i + 1}` });
        const slot: Slot = { worker, tasks: [] };
        worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.onResult(slot, event.data);
        worker.onerror = (event) => this.onWorkerError(slot, event);
        this.slots.push(slot);
      }
    } catch {
      for (const slot of this.slots) slot.worker.terminate();
      this.slots = [];
    }
    return this.slots;
  }

  private onResult(slot: Slot, response: WorkerResponse): void {
    const task = this.byId.get(response.id);
    this.byId.delete(response.id);
    slot.tasks = slot.tasks.filter((t) => t !== task);
    if (task) {
      if ("run" in response) {
        this.engineTime.set(task.key, response.ms);
        if (this.engineTime.size > CACHE_SIZE) this.engineTime.delete(this.engineTime.keys().next().value!);
        task.resolve(response.run);
      } else {
        this.pending.delete(task.key);
        task.reject(new Error(response.error));
      }
    }
    this.pump();
  }

  /** A worker that cannot load (blocked script, old browser): fall back to the main thread. */
  private onWorkerError(slot: Slot, event: ErrorEvent): void {
    event.preventDefault();
    slot.worker.terminate();
    this.slots = (this.slots ?? []).filter((s) => s !== slot);
    this.queue.unshift(...slot.tasks);
    this.pump();
  }
}
