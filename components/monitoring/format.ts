import { DAY_NAMES, MINUTES_PER_DAY, dayOf, formatClock, formatDuration, minuteOfDay } from "@/machines/sim/calendar";

/** Number formats of the feedback views: every number with its unit. */

export { formatClock, formatDuration };

/** A share (0-1) as a percentage: "4.2%", "25%". */
export function formatPercent(share: number, digits?: number): string {
  const pct = share * 100;
  const d = digits ?? (pct !== 0 && Math.abs(pct) < 10 ? 1 : 0);
  return `${pct.toFixed(d)}%`;
}

/** Minutes as a duration, or a dash when unknown. */
export function formatMinutes(minutes: number | null | undefined): string {
  return minutes === null || minutes === undefined ? "—" : formatDuration(minutes);
}

/** Hours (the DORA metrics' unit) as a duration a trainer would say. */
export function formatHours(hours: number | null | undefined): string {
  return hours === null || hours === undefined ? "—" : formatDuration(hours * 60);
}

/** Deployments per day: "2.3 a day", "1 a week". */
export function formatFrequency(perDay: number): string {
  if (perDay >= 1) return `${perDay.toFixed(perDay >= 10 ? 0 : 1)} a day`;
  if (perDay * 7 >= 1) return `${(perDay * 7).toFixed(1)} a week`;
  if (perDay > 0) return `${(perDay * 30).toFixed(1)} a month`;
  return "none yet";
}

/** A chart tick: "Tue 14:00" inside a day's range, "Tue, day 8" for coarser ticks. */
export function formatTick(t: number, step: number): string {
  const day = dayOf(t);
  const name = DAY_NAMES[day % 7];
  if (step >= MINUTES_PER_DAY) return `${name}, day ${day + 1}`;
  const m = Math.round(minuteOfDay(t));
  const hh = String(Math.floor(m / 60) % 24).padStart(2, "0");
  const mm = String(m % 60).padStart(2, "0");
  return `${name} ${hh}:${mm}`;
}

/** "Tue 14:05" (no day number) for dense lists. */
export function formatTime(t: number): string {
  return formatClock(t).replace(/, day \d+$/, "");
}
