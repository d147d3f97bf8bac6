import type { LoggedEvent } from '../events';
import type { Simulation } from '../engine/simulation';
import type { RunWatch } from './runnerMachine';

/** The moments a class should see, that a presenter's "stop at" pauses on and "jump to" goes to. */
export const MOMENT_KINDS = ['approval', 'deploy', 'alarm', 'release-day', 'restored'] as const;
export type MomentKind = (typeof MOMENT_KINDS)[number];

export interface MomentInfo {
  /** As the "Stop at" menu says it: "a revision reaches Approval". */
  label: string;
  matches(e: LoggedEvent): boolean;
}

export const MOMENTS: Record<MomentKind, MomentInfo> = {
  approval: { label: 'A revision reaches Approval', matches: (e) => e.type === 'approval.requested' },
  deploy: { label: 'A deployment starts', matches: (e) => e.type === 'stage.started' && e.stage === 'deploy' },
  alarm: {
    label: 'An alarm fires (or customers report a failure)',
    matches: (e) => e.type === 'alarm.fired' || e.type === 'incident.reported',
  },
  'release-day': { label: 'Release day comes', matches: (e) => e.type === 'release.due' && e.kind === 'release-day' },
  restored: { label: 'An incident is restored', matches: (e) => e.type === 'incident.restored' },
};

export function isMomentKind(value: string): value is MomentKind {
  return (MOMENT_KINDS as readonly string[]).includes(value);
}

/** The moment kind an event is, among `kinds`; null when it is none of them. */
export function momentOf(e: LoggedEvent, kinds: Iterable<MomentKind> = MOMENT_KINDS): MomentKind | null {
  for (const kind of kinds) if (MOMENTS[kind].matches(e)) return kind;
  return null;
}

export interface SeenMoment {
  kind: MomentKind;
  event: LoggedEvent;
}

/** How far "jump to" looks ahead before it gives up: a quarter and a little, so a release day is always found. */
export const JUMP_LIMIT_MINUTES = 100 * 24 * 60;

/**
 * The presenter's watch on a live run: it stops the run at the chosen kinds of moment, and, for
 * "jump to", at the next moment of those kinds (of any kind when none is chosen). It remembers the
 * moments it has seen, newest last, so a clicker can step back to the one before.
 */
export class MomentWatch implements RunWatch {
  private kinds: ReadonlySet<MomentKind>;
  private jumping = false;
  private stopWanted = false;
  private unsubscribe: (() => void) | null = null;
  private seen: SeenMoment[] = [];
  /** The watched moment the run last stopped (or will stop) at. */
  private stoppedAt: SeenMoment | null = null;
  private readonly listeners = new Set<() => void>();
  /** `last`: the watched moment the run last stopped at; `count`: moments seen in this run. */
  private snapshot: { kinds: ReadonlySet<MomentKind>; last: SeenMoment | null; count: number };

  constructor(kinds: Iterable<MomentKind> = []) {
    this.kinds = new Set(kinds);
    this.snapshot = { kinds: this.kinds, last: null, count: 0 };
  }

  attach(sim: Simulation, sameRun = false): void {
    this.unsubscribe?.();
    // The same run made again (a rewind) keeps the moments before where it now stands; another run
    // (a reset, a file or a saved run loaded) has none of this one's, even where its clock is later.
    this.seen = sameRun ? this.seen.filter((m) => m.event.t <= sim.now) : [];
    if (this.stoppedAt && !this.seen.includes(this.stoppedAt)) this.stoppedAt = null;
    this.stopWanted = false;
    this.unsubscribe = sim.subscribe((e) => this.observe(e));
    this.publish();
  }

  takeStop(): boolean {
    const wanted = this.stopWanted;
    this.stopWanted = false;
    return wanted;
  }

  /** The kinds the run stops at while it plays. */
  setKinds(kinds: Iterable<MomentKind>): void {
    this.kinds = new Set(kinds);
    this.publish();
  }

  /** Runs `jump` (which sends the runner its `run.jump`) stopping at the next moment of the chosen kinds, or of any kind. */
  jump(run: () => void): void {
    this.jumping = true;
    try {
      run();
    } finally {
      this.jumping = false;
    }
  }

  /** Moments seen in this run, oldest first. */
  get moments(): readonly SeenMoment[] {
    return this.seen;
  }

  /** The time of the last moment strictly before `t`, to step back to; null when there is none. */
  momentBefore(t: number): number | null {
    for (let i = this.seen.length - 1; i >= 0; i--) if (this.seen[i]!.event.t < t) return this.seen[i]!.event.t;
    return null;
  }

  getSnapshot = () => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private observe(e: LoggedEvent): void {
    const kind = momentOf(e);
    if (!kind) return;
    const watched = this.jumping && this.kinds.size === 0 ? true : this.kinds.has(kind);
    this.seen.push({ kind, event: e });
    if (this.seen.length > 500) this.seen.splice(0, this.seen.length - 500);
    if (watched && !this.stopWanted) {
      this.stopWanted = true;
      this.stoppedAt = this.seen.at(-1)!;
    }
    this.publish();
  }

  private publish(): void {
    this.snapshot = { kinds: this.kinds, last: this.stoppedAt, count: this.seen.length };
    for (const listener of this.listeners) listener();
  }
}
