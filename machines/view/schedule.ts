import { MINUTES_PER_DAY, dayOf, isWorkday, lastWorkdayOnOrBefore, nextWorkingTime, type WorkingHours } from '../sim/calendar';
import type { Settings } from '../world/settings';

/** The parts of the settings the release calendar depends on. */
export type ScheduleSettings = Pick<Settings, 'mode' | 'releaseIntervalDays' | 'approvalsPerDay' | 'approver' | 'workingHours'>;

/** How far ahead the calendar looks (a little over a year). */
const HORIZON_DAYS = 400;

/**
 * Release day in manual release and CI: the last workday of each release interval, an hour after
 * work starts (the same rule the engine schedules by).
 */
export function isReleaseDay(day: number, intervalDays: number): boolean {
  if (!isWorkday(day)) return false;
  const boundary = (Math.floor(day / intervalDays) + 1) * intervalDays - 1;
  return lastWorkdayOnOrBefore(boundary) === day;
}

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

export interface NextRelease {
  /** Virtual minute of the next chance to release. */
  at: number;
  kind: 'release-day' | 'retry' | 'scheduled-approval';
}

/**
 * When the next release can happen by the calendar, strictly after `now`: the next release day
 * (manual release, CI), the retry the morning after a failed hand deploy, or the scheduled
 * approver's next slot (Continuous Delivery with the scheduled approver). Null when releases do not
 * wait for a calendar (Continuous Deployment, or the learner approves).
 *
 * `lastDeployFailedAt` is when the last deploy failed, if it did; a failed hand deploy is retried
 * the next working day, an hour after work starts.
 */
export function nextRelease(settings: ScheduleSettings, now: number, lastDeployFailedAt?: number | null): NextRelease | null {
  const hours = settings.workingHours;
  const today = dayOf(now);
  if (settings.mode === 'delivery') {
    if (settings.approver !== 'scheduled') return null;
    for (let day = today; day <= today + 14; day++) {
      const slot = approvalSlotsOn(day, settings.approvalsPerDay, hours).find((t) => t > now);
      if (slot !== undefined) return { at: slot, kind: 'scheduled-approval' };
    }
    return null;
  }
  if (settings.mode !== 'manual' && settings.mode !== 'ci') return null;
  let next: NextRelease | null = null;
  for (let day = today; day <= today + HORIZON_DAYS; day++) {
    if (!isReleaseDay(day, settings.releaseIntervalDays)) continue;
    const at = releaseTimeOn(day, hours);
    if (at > now) {
      next = { at, kind: 'release-day' };
      break;
    }
  }
  if (lastDeployFailedAt !== undefined && lastDeployFailedAt !== null) {
    const retry = nextWorkingTime(dayOf(lastDeployFailedAt) * MINUTES_PER_DAY + MINUTES_PER_DAY, hours) + 60;
    if (retry > now && (next === null || retry < next.at)) next = { at: retry, kind: 'retry' };
  }
  return next;
}
