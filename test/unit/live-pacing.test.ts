import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameGate, PARTS, PARTS_PER_FRAME, PART_MS, PublishPacer, paceSubscription, type Part } from '@/components/simulator/diagram/pace';
import { SlowClock } from '@/components/simulator/slowBeat';

const FRAME = 1000 / 60;

/** Drives a pacer over `frames` frames; the part each frame published (or null). */
function run(pacer: PublishPacer, frames: number, frameMs = FRAME): (Part | null)[] {
  return Array.from({ length: frames }, (_, i) => pacer.next(i * frameMs));
}

describe('PublishPacer (what a diagram redraws at top speeds)', () => {
  it('publishes at most one part a frame, and on most frames nothing', () => {
    const parts = run(new PublishPacer(), 600);
    const busy = parts.filter((p) => p !== null).length;
    // Ten seconds at 60 Hz: each of the three parts about six times a second (one frame in ten),
    // the other frames only glide. Sixty a second each, as before, would be every frame.
    expect(busy).toBeGreaterThan(0);
    expect(busy / parts.length).toBeLessThanOrEqual(PARTS / Math.floor(PART_MS / FRAME));
  });

  it('redraws every part at least every PART_MS plus a few frames, at 60 Hz and at 15 Hz', () => {
    for (const frameMs of [FRAME, 1000 / 15]) {
      const parts = run(new PublishPacer(), 300, frameMs);
      for (let part = 0; part < PARTS; part++) {
        const at = parts.flatMap((p, i) => (p === part ? [i * frameMs] : []));
        expect(at[0]).toBeLessThanOrEqual(PARTS * frameMs);
        const gaps = at.slice(1).map((t, i) => t - at[i]!);
        expect(Math.max(...gaps)).toBeLessThanOrEqual(PART_MS + PARTS * frameMs);
        // ...and not much more often than that (never every frame).
        expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PART_MS);
      }
    }
  });

  it('after a full redraw, waits PART_MS before the next part', () => {
    const pacer = new PublishPacer();
    pacer.published(0);
    expect(pacer.next(PART_MS - 1)).toBeNull();
    expect(pacer.next(PART_MS)).not.toBeNull();
  });

  it("shares a page's frame between diagrams: at most PARTS_PER_FRAME parts a frame, every part still redrawn", () => {
    const gate = new FrameGate();
    const pacers = [0, 1, 2, 3].map(() => new PublishPacer(gate));
    const seen = pacers.map(() => new Set<Part>());
    for (let frame = 0; frame < 120; frame++) {
      const now = frame * FRAME;
      const published = pacers.map((p, i) => {
        const part = p.next(now, now);
        if (part !== null) seen[i]!.add(part);
        return part;
      });
      expect(published.filter((p) => p !== null).length).toBeLessThanOrEqual(PARTS_PER_FRAME);
    }
    for (const parts of seen) expect(parts.size).toBe(PARTS);
  });
});

describe('paceSubscription (numbers beside a live run)', () => {
  afterEach(() => vi.useRealTimers());

  it('passes the first change at once, then at most one per interval, and always the last', () => {
    vi.useFakeTimers();
    const listeners = new Set<() => void>();
    const subscribe = (fn: () => void) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    };
    const change = () => listeners.forEach((fn) => fn());
    const onChange = vi.fn();
    const unsubscribe = paceSubscription(subscribe, 200)(onChange);
    change();
    expect(onChange).toHaveBeenCalledTimes(1);
    // A change every frame for a second: about five pass on, not sixty.
    for (let i = 0; i < 60; i++) {
      vi.advanceTimersByTime(1000 / 60);
      change();
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(5);
    expect(onChange.mock.calls.length).toBeLessThanOrEqual(7);
    // The last change is never lost: it arrives within the interval.
    const before = onChange.mock.calls.length;
    vi.advanceTimersByTime(200);
    expect(onChange.mock.calls.length).toBe(before + 1);
    unsubscribe();
    change();
    vi.advanceTimersByTime(1000);
    expect(onChange.mock.calls.length).toBe(before + 1);
    expect(listeners.size).toBe(0);
  });
});

describe("SlowClock (the panels' turns after the slow beat)", () => {
  it('gives each panel with something new its own frame, and panels with nothing new none', () => {
    const clock = new SlowClock();
    const ran: string[] = [];
    const panel = (name: string, work: boolean) => () => {
      ran.push(name);
      return work;
    };
    clock.subscribe(panel('feed', true));
    clock.subscribe(panel('idle', false));
    clock.subscribe(panel('bar', true));
    clock.subscribe(panel('inspector', true));

    clock.beat();
    expect(ran).toEqual(['feed']);
    clock.next();
    expect(ran).toEqual(['feed', 'idle', 'bar']);
    expect(clock.pending).toBe(true);
    clock.next();
    expect(ran).toEqual(['feed', 'idle', 'bar', 'inspector']);
    expect(clock.pending).toBe(false);
    clock.next();
    expect(ran).toHaveLength(4);
  });

  it("leaves the beat's own frame to the metrics when they showed something (busy)", () => {
    const clock = new SlowClock();
    const ran: string[] = [];
    clock.subscribe(() => {
      ran.push('feed');
      return true;
    });
    clock.beat(true);
    expect(ran).toEqual([]);
    clock.next();
    expect(ran).toEqual(['feed']);
  });

  it('queues a panel once even if beats come faster than the turns, and skips one that left', () => {
    const clock = new SlowClock();
    const ran: string[] = [];
    const leave = clock.subscribe(() => {
      ran.push('a');
      return true;
    });
    clock.subscribe(() => {
      ran.push('b');
      return true;
    });
    clock.beat();
    clock.beat();
    expect(ran).toEqual(['a', 'b']);
    clock.beat(true);
    leave();
    clock.next();
    expect(ran).toEqual(['a', 'b', 'b']);
    expect(clock.pending).toBe(false);
  });
});
