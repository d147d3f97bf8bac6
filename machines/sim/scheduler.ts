/**
 * Virtual time for the simulation, in minutes since Monday 00:00 of day 0.
 *
 * A binary min-heap keeps every pending timer, so scheduling and firing cost O(log n) whatever the
 * number of commits in flight. XState's SimulatedClock keeps timers in a Map and scans it on every
 * increment, which degrades badly once thousands of actors wait at once.
 *
 * The clock implements `{ setTimeout, clearTimeout }`, the interface `createActor(machine, { clock })`
 * accepts, so XState `after` delays run on the same virtual time as the engine's own events.
 */
interface Timer {
  at: number;
  /** Insertion order: timers due at the same minute fire in the order they were set. */
  order: number;
  id: number;
  fn: () => void;
  cancelled: boolean;
}

export class VirtualClock {
  private heap: Timer[] = [];
  private byId = new Map<number, Timer>();
  private nextId = 1;
  private nextOrder = 0;
  private current = 0;
  private firedCount = 0;

  now(): number {
    return this.current;
  }

  /** XState calls this with a delay; the unit is virtual minutes. */
  setTimeout(fn: () => void, delay: number): number {
    return this.at(this.current + Math.max(0, delay), fn);
  }

  clearTimeout(id: number): void {
    const timer = this.byId.get(id);
    if (timer) {
      timer.cancelled = true;
      this.byId.delete(id);
    }
  }

  /** Schedules `fn` at an absolute virtual time (never in the past). */
  at(time: number, fn: () => void): number {
    const timer: Timer = {
      at: Math.max(time, this.current),
      order: this.nextOrder++,
      id: this.nextId++,
      fn,
      cancelled: false,
    };
    this.byId.set(timer.id, timer);
    this.push(timer);
    return timer.id;
  }

  /** Time of the next live timer, or undefined when nothing is scheduled. */
  peek(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Fires the next timer; returns false when nothing is scheduled. */
  fireNext(): boolean {
    this.dropCancelled();
    const timer = this.pop();
    if (!timer) return false;
    this.byId.delete(timer.id);
    this.current = timer.at;
    this.firedCount++;
    timer.fn();
    return true;
  }

  /** Fires every timer due up to `time`, then moves the clock to `time`. */
  advanceTo(time: number): void {
    for (;;) {
      const next = this.peek();
      if (next === undefined || next > time) break;
      this.fireNext();
    }
    if (time > this.current) this.current = time;
  }

  /** Timers fired so far: with the time, it pins the exact point of a run a person acted at. */
  get fired(): number {
    return this.firedCount;
  }

  get pending(): number {
    return this.byId.size;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }

  private push(timer: Timer): void {
    // Sift up by moving parents down into the hole: no temporary arrays on the hot path.
    const heap = this.heap;
    let i = heap.length;
    heap.push(timer);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (!this.less(timer, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = timer;
  }

  private pop(): Timer | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    const n = heap.length;
    if (n > 0 && last) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const child = r < n && this.less(heap[r]!, heap[l]!) ? r : l;
        if (!this.less(heap[child]!, last)) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
