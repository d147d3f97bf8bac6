import type { Mode } from '../world/modes';
import { DEFAULT_RELEASE_INTERVAL, defaultSettings, type Settings } from '../world/settings';

/**
 * One release cadence scale for every mode that has one, from "one release every three months" to
 * "six releases a day". A step is either an interval in calendar days (the release happens on the last
 * working day of each interval, as the engine schedules release days) or a number of releases per
 * working day.
 *
 * How each mode takes a step (DOMAIN.md, "Modes"):
 * - Manual release and CI deploy by hand: the step sets `releaseIntervalDays`. A person does not run a
 *   hand release several times a day, so steps faster than daily are clamped to one a day.
 * - Continuous Delivery: steps of one a day or more set `approvalsPerDay` (the scheduled approver);
 *   slower steps set `releaseIntervalDays`, and the scheduled approver approves once per interval.
 * - Continuous Deployment has no cadence: every passing revision ships.
 */
export interface Cadence {
  id: CadenceId;
  /** Calendar days between releases, for steps of one a day or slower. */
  intervalDays: number | null;
  /** Releases per working day, for steps of one a day or faster. */
  perDay: number | null;
  /** How a trainer says it. */
  label: string;
  /** For a small chip. */
  short: string;
}

export const CADENCES = [
  { id: '90d', intervalDays: 90, perDay: null, label: 'One release every three months', short: 'Every 90 days' },
  { id: '30d', intervalDays: 30, perDay: null, label: 'One release a month', short: 'Every 30 days' },
  { id: '14d', intervalDays: 14, perDay: null, label: 'One release every two weeks', short: 'Every 14 days' },
  { id: '7d', intervalDays: 7, perDay: null, label: 'One release a week', short: 'Weekly' },
  { id: '1/day', intervalDays: 1, perDay: 1, label: 'One release a day', short: 'Daily' },
  { id: '2/day', intervalDays: null, perDay: 2, label: 'Two releases a day', short: '2 a day' },
  { id: '3/day', intervalDays: null, perDay: 3, label: 'Three releases a day', short: '3 a day' },
  { id: '6/day', intervalDays: null, perDay: 6, label: 'Six releases a day', short: '6 a day' },
] as const satisfies readonly (Omit<Cadence, 'id'> & { id: string })[];

export type CadenceId = (typeof CADENCES)[number]['id'];
/** `default`: each mode keeps its own default cadence (manual every 90 days, CI weekly, delivery 3 a day). */
export type CadenceChoice = 'default' | CadenceId;

export const CADENCE_IDS: readonly CadenceId[] = CADENCES.map((c) => c.id);

export function isCadenceChoice(value: string): value is CadenceChoice {
  return value === 'default' || (CADENCE_IDS as readonly string[]).includes(value);
}

export function cadenceById(id: CadenceId): Cadence {
  return CADENCES.find((c) => c.id === id)!;
}

/** Modes whose releases follow a cadence. */
export function hasCadence(mode: Mode): boolean {
  return mode !== 'deployment';
}

/** How a mode releases in one comparison run. */
export interface ReleasePlan {
  mode: Mode;
  /** Engine settings this plan changes. */
  patch: Partial<Pick<Settings, 'releaseIntervalDays' | 'approvalsPerDay' | 'approver'>>;
  /** The cadence asked for was faster than this mode can release (hand releases: at most daily). */
  clamped: boolean;
  /** The cadence this mode really runs at, in words: "One release a week". */
  words: string;
  /** Releases per day the plan aims at (for ordering and charts); Infinity for every passing change. */
  targetPerDay: number;
}

function intervalWords(days: number): string {
  const step = CADENCES.find((c) => c.intervalDays === days && (c.perDay === null || c.perDay === 1));
  if (step) return step.label;
  return days === 1 ? 'One release a day' : `One release every ${days} days`;
}

function perDayWords(n: number): string {
  const step = CADENCES.find((c) => c.perDay === n);
  if (step) return step.label;
  return n === 1 ? 'One release a day' : `${n} releases a day`;
}

/** The release plan of `mode` under `choice`. Pure. */
export function releasePlan(mode: Mode, choice: CadenceChoice): ReleasePlan {
  if (mode === 'deployment') {
    return { mode, patch: {}, clamped: false, words: 'Every passing change ships', targetPerDay: Infinity };
  }
  if (choice === 'default') {
    if (mode === 'delivery') {
      const perDay = defaultSettings('delivery').approvalsPerDay;
      return { mode, patch: { approvalsPerDay: perDay }, clamped: false, words: perDayWords(perDay), targetPerDay: perDay };
    }
    const days = DEFAULT_RELEASE_INTERVAL[mode];
    return { mode, patch: { releaseIntervalDays: days }, clamped: false, words: intervalWords(days), targetPerDay: 1 / days };
  }
  const cadence = cadenceById(choice);
  if (mode === 'delivery') {
    if (cadence.perDay !== null) {
      return {
        mode,
        patch: { approvalsPerDay: cadence.perDay, approver: 'scheduled', releaseIntervalDays: 1 },
        clamped: false,
        words: cadence.label,
        targetPerDay: cadence.perDay,
      };
    }
    const days = cadence.intervalDays!;
    return { mode, patch: { approver: 'scheduled', releaseIntervalDays: days }, clamped: false, words: cadence.label, targetPerDay: 1 / days };
  }
  // Manual release and CI: hand releases, at most one a day.
  const days = cadence.intervalDays ?? 1;
  const clamped = cadence.intervalDays === null;
  return {
    mode,
    patch: { releaseIntervalDays: days },
    clamped,
    words: clamped ? `${intervalWords(1)} (a hand release cannot go faster)` : intervalWords(days),
    targetPerDay: 1 / days,
  };
}
