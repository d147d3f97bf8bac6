import { MINUTES_PER_DAY, dayOf, isWorkday, lastWorkdayOnOrBefore, nextWorkingTime, type WorkingHours } from '../sim/calendar';
import type { Settings } from './settings';

/**
 * The release calendar: when each mode releases by the clock. The engine schedules its releases from
 * these functions and the views predict the next release with them, so the rule lives here once.
 */

/** The parts of the settings the release calendar depends on. */
export type ScheduleSettings = Pick<Settings, 'mode' | 'releaseIntervalDays' | 'approvalsPerDay' | 'approver' | 'workingHours'>;

/** How far ahead the calendar looks (a little over a year). */
const HORIZON_DAYS = 400;

/**
 * Release day: the last workday of each release interval (a release every 90 days lands on the
 * Friday before day 90 when day 89 is a weekend).
 */
export function isReleaseDay(day: number, intervalDays: number): boolean {
  if (!isWorkday(day)) return false;
  const boundary = (Math.floor(day / intervalDays) + 1) * intervalDays - 1;
  return lastWorkdayOnOrBefore(boundary) === day;
}

/** Releases start an hour after work starts. */
export function releaseTimeOn(day: number, hours: WorkingHours): number {
  return day * MINUTES_PER_DAY + (hours.start + 1) * 60;
}

/** The scheduled approver's slots on a workday in Continuous Delivery, evenly spread over working hours. */
export function approvalSlotsOn(day: number, approvalsPerDay: number, hours: WorkingHours): number[] {
  if (!isWorkday(day)) return [];
  const span = (hours.end - hours.start) * 60;
  const start = day * MINUTES_PER_DAY + hours.start * 60;
  const slots: number[] = [];
  for (let i = 1; i <= approvalsPerDay; i++) slots.push(start + Math.round((i * span) / (approvalsPerDay + 1)));
  return slots;
}

/** A failed hand deploy is tried again the next working day, an hour after work starts. */
export function retryTimeAfter(failedAt: number, hours: WorkingHours): number {
  return nextWorkingTime(dayOf(failedAt) * MINUTES_PER_DAY + MINUTES_PER_DAY, hours) + 60;
}

export type ReleaseKind = 'release-day' | 'retry' | 'scheduled-approval' | 'hotfix';
/** The releases a person runs by hand (manual release, CI). */
export type HandReleaseKind = Exclude<ReleaseKind, 'scheduled-approval'>;

/** A moment the calendar releases at on `day`. */
export interface ReleaseMoment {
  at: number;
  kind: ReleaseKind;
}

/**
 * What the calendar releases on `day`:
 * - manual release and CI: release day, every `releaseIntervalDays`;
 * - Continuous Delivery with the scheduled approver: `approvalsPerDay` slots a working day, or, for a
 *   plan slower than daily (`releaseIntervalDays` > 1), one approval on each release day;
 * - Continuous Deployment, or a learner who approves: nothing by the clock.
 */
export function releaseMomentsOn(day: number, settings: ScheduleSettings): ReleaseMoment[] {
  const { mode, releaseIntervalDays, approvalsPerDay, approver, workingHours } = settings;
  if (mode === 'deployment') return [];
  if (mode === 'delivery') {
    if (approver !== 'scheduled') return [];
    if (releaseIntervalDays <= 1) return approvalSlotsOn(day, approvalsPerDay, workingHours).map((at) => ({ at, kind: 'scheduled-approval' }));
  }
  return isReleaseDay(day, releaseIntervalDays) ? [{ at: releaseTimeOn(day, workingHours), kind: 'release-day' }] : [];
}

/**
 * When the next release can happen by the calendar, strictly after `now`, or the earlier `extra`
 * moment the engine has planned (the retry of a failed hand deploy, a hotfix). Null when releases do
 * not wait for a calendar (Continuous Deployment, or the learner approves) and nothing extra is planned.
 */
export function nextRelease(settings: ScheduleSettings, now: number, extra?: ReleaseMoment | null): ReleaseMoment | null {
  let next: ReleaseMoment | null = null;
  const today = dayOf(now);
  for (let day = today; day <= today + HORIZON_DAYS && next === null; day++) {
    next = releaseMomentsOn(day, settings).find((m) => m.at > now) ?? null;
  }
  if (extra && extra.at > now && (next === null || extra.at < next.at)) next = extra;
  return next;
}
