/**
 * The working calendar. Time is in virtual minutes since day 0, a Monday, at 00:00. People work
 * Monday to Friday within working hours; pipelines and production run around the clock.
 */
export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;
export const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface WorkingHours {
  /** Hour of day work starts (default 9). */
  start: number;
  /** Hour of day work ends (default 17). */
  end: number;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = { start: 9, end: 17 };

export function dayOf(t: number): number {
  return Math.floor(t / MINUTES_PER_DAY);
}

export function isWorkday(day: number): boolean {
  return day % 7 < 5;
}

export function minuteOfDay(t: number): number {
  return t - dayOf(t) * MINUTES_PER_DAY;
}

export function isWorkingTime(t: number, hours: WorkingHours = DEFAULT_WORKING_HOURS): boolean {
  const m = minuteOfDay(t);
  return isWorkday(dayOf(t)) && m >= hours.start * 60 && m < hours.end * 60;
}

/** The first working minute at or after `t`. */
export function nextWorkingTime(t: number, hours: WorkingHours = DEFAULT_WORKING_HOURS): number {
  if (isWorkingTime(t, hours)) return t;
  let day = dayOf(t);
  if (isWorkday(day) && minuteOfDay(t) < hours.start * 60) return day * MINUTES_PER_DAY + hours.start * 60;
  do day++;
  while (!isWorkday(day));
  return day * MINUTES_PER_DAY + hours.start * 60;
}

/** `t` moved forward by `minutes` of working time (evenings and weekends do not count). */
export function addWorkingMinutes(t: number, minutes: number, hours: WorkingHours = DEFAULT_WORKING_HOURS): number {
  let now = nextWorkingTime(t, hours);
  let left = minutes;
  for (;;) {
    const endOfDay = dayOf(now) * MINUTES_PER_DAY + hours.end * 60;
    if (now + left <= endOfDay) return now + left;
    left -= endOfDay - now;
    now = nextWorkingTime(endOfDay, hours);
  }
}

/** The last workday at or before `day`. */
export function lastWorkdayOnOrBefore(day: number): number {
  let d = day;
  while (d > 0 && !isWorkday(d)) d--;
  return d;
}

/** "14:05": the time of day of a minute. */
function hoursAndMinutes(minute: number): string {
  const hh = String(Math.floor(minute / 60) % 24).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${hh}:${mm}`;
}

/** "Tue 14:05, day 8": how the product names a moment. */
export function formatClock(t: number): string {
  const day = dayOf(t);
  return `${DAY_NAMES[day % 7]} ${hoursAndMinutes(Math.floor(minuteOfDay(t)))}, day ${day + 1}`;
}

/** "Tue 14:05" (no day number) for dense lists. */
export function formatTime(t: number): string {
  return `${DAY_NAMES[dayOf(t) % 7]} ${hoursAndMinutes(Math.floor(minuteOfDay(t)))}`;
}

/** A chart tick: "Tue 14:00" inside a day's range, "Tue, day 8" for coarser ticks. */
export function formatTick(t: number, step: number): string {
  const day = dayOf(t);
  const name = DAY_NAMES[day % 7];
  if (step >= MINUTES_PER_DAY) return `${name}, day ${day + 1}`;
  return `${name} ${hoursAndMinutes(Math.round(minuteOfDay(t)))}`;
}

/** A duration in words a trainer would say: "45 min", "3.2 h", "12.5 days". */
export function formatDuration(minutes: number): string {
  if (!Number.isFinite(minutes)) return '—';
  if (minutes < 90) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} days`;
}

/** Working minutes between `from` and `to` (evenings and weekends do not count). */
export function workingMinutesBetween(from: number, to: number, hours: WorkingHours = DEFAULT_WORKING_HOURS): number {
  let total = 0;
  let now = nextWorkingTime(from, hours);
  while (now < to) {
    const endOfDay = dayOf(now) * MINUTES_PER_DAY + hours.end * 60;
    total += Math.min(endOfDay, to) - now;
    now = nextWorkingTime(endOfDay, hours);
  }
  return total;
}

/** Minutes as a duration, or a dash when unknown. */
export function formatMinutes(minutes: number | null | undefined): string {
  return minutes === null || minutes === undefined ? '—' : formatDuration(minutes);
}

/** Hours (the DORA metrics' unit) as a duration a trainer would say, or a dash when unknown. */
export function formatHours(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? '—' : formatDuration(hours * 60);
}
