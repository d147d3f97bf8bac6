/**
 * How often a diagram publishes what it shows while the run plays at top speed. The run changes
 * every frame there, faster than anyone can read: a card's words, the clock and the tokens' targets
 * are worth redrawing a few times a second, not sixty. Each redraw costs the frame it lands on (React
 * renders, the browser restyles, lays out and paints the changed text), so the parts take turns, one
 * part a frame, and most frames only tick the engine and glide the tokens.
 *
 * Pure: no React, no DOM; the caller passes the time (performance.now()).
 */

/** What a diagram publishes, one part a frame: half of the stage cards, the other half, the tokens and the title row. */
export const PARTS = 3;
export type Part = 0 | 1 | 2;

/**
 * Real milliseconds between two redraws of one part at top speed: about six times a second, so
 * nothing on the diagram is more than PART_MS (plus a frame) behind the run.
 */
export const PART_MS = 160;

/**
 * Picks the part a frame publishes: the one redrawn longest ago, once it is PART_MS old, and never
 * two parts in one frame. The first frames publish the parts in turn (each is due at once).
 */
export class PublishPacer {
  private last: number[] = Array.from({ length: PARTS }, () => -Infinity);

  constructor(private readonly gate?: FrameGate) {}

  /**
   * The part to publish at `now`, or null when every part is fresh enough or the frame that
   * started at `frame` already publishes as much as a frame should (the page's gate).
   */
  next(now: number, frame: number = now): Part | null {
    let stalest = 0;
    for (let part = 1; part < PARTS; part++) if (this.last[part]! < this.last[stalest]!) stalest = part;
    if (now - this.last[stalest]! < PART_MS) return null;
    if (this.gate && !this.gate.claim(frame)) return null;
    this.last[stalest] = now;
    return stalest as Part;
  }

  /** Everything was just published (a full redraw): each part is fresh again. */
  published(now: number): void {
    this.last.fill(now);
  }
}

/**
 * At most this many parts a frame on one page, whatever the number of diagrams: /compare's four
 * live diagrams take turns too (two parts a frame keeps each part within about PART_MS at 60 Hz).
 */
export const PARTS_PER_FRAME = 2;

/** Counts the parts published in the current frame, for every diagram on the page. */
export class FrameGate {
  private frame: number | null = null;
  private used = 0;
  /** True (and counted) if another part may be published in the frame that started at `frame`. */
  claim(frame: number): boolean {
    if (frame !== this.frame) {
      this.frame = frame;
      this.used = 0;
    }
    if (this.used >= PARTS_PER_FRAME) return false;
    this.used++;
    return true;
  }
}

/** The page's gate: diagrams on one page share it. */
export const pageGate = new FrameGate();

/**
 * A subscription that passes changes on at most every `ms` (the first one at once, the last one
 * always, at most `ms` late), for numbers shown beside a live run that changes every frame: people
 * read them a few times a second, and each pass-on re-renders.
 */
export function paceSubscription(subscribe: (onChange: () => void) => () => void, ms: number): (onChange: () => void) => () => void {
  return (onChange) => {
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const pass = () => {
      timer = null;
      last = performance.now();
      onChange();
    };
    const unsubscribe = subscribe(() => {
      if (timer !== null) return;
      const wait = last + ms - performance.now();
      if (wait <= 0) pass();
      else timer = setTimeout(pass, wait);
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  };
}
