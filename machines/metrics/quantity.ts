/**
 * Numbers as a trainer says them, split into a value and its unit for big tiles and cards. One
 * module, so the live tiles, the comparison cards, the report and the CSV say the same thing.
 */

export interface Quantity {
  /** The number as shown: "1.98", "26". */
  value: string;
  /** Its unit in words: "per day", "min", "hours", "%". */
  unit: string;
}

/** Trims a fixed-point number: 2.50 -> "2.5", 3.00 -> "3". */
export function trimNumber(value: number, digits: number): string {
  const fixed = value.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * A rate (0-1) as a percentage with at most one decimal: 0.0194 -> "1.9" %, 0.25 -> "25" %. The one
 * rounding rule for the change failure rate, on the live tile, the comparison card and its "show
 * your work", so a tile never says "2%" beside a formula that says "1.9%".
 */
export function rateQuantity(fraction: number): Quantity {
  return { value: trimNumber(fraction * 100, 1), unit: '%' };
}

/** `rateQuantity` as one piece of text: "1.9%". */
export function rateText(fraction: number): string {
  const { value, unit } = rateQuantity(fraction);
  return `${value}${unit}`;
}

/** A duration as a number and a unit: 26 min, 2.3 hours, 39 days. */
export function durationQuantity(minutes: number): Quantity {
  if (minutes < 90) return { value: String(Math.round(minutes)), unit: 'min' };
  const hours = minutes / 60;
  if (hours < 48) return { value: hours.toFixed(1), unit: 'hours' };
  const days = hours / 24;
  return { value: days < 10 ? days.toFixed(1) : String(Math.round(days)), unit: 'days' };
}

export function durationText(minutes: number): string {
  const q = durationQuantity(minutes);
  return `${q.value} ${q.unit}`;
}

export type FrequencyUnit = 'per day' | 'per week' | 'per month';
const DAYS_PER: Record<FrequencyUnit, number> = { 'per day': 1, 'per week': 7, 'per month': 30 };

/** The unit a rate reads best in on its own: per day when daily or more, else per week or per month. */
export function frequencyUnit(perDay: number): FrequencyUnit {
  if (perDay >= 1) return 'per day';
  if (perDay >= 1 / 7) return 'per week';
  return 'per month';
}

/**
 * One unit for rates shown side by side, so cards never mix "4.6 per week" with "1.3 per day": the
 * unit of the slowest rate that is not zero.
 */
export function sharedFrequencyUnit(perDay: readonly number[]): FrequencyUnit {
  const moving = perDay.filter((v) => v > 0);
  return moving.length === 0 ? 'per day' : frequencyUnit(Math.min(...moving));
}

/** Deployment frequency in `unit` (by default the one that suits the rate). */
export function frequencyQuantity(perDay: number, unit: FrequencyUnit = frequencyUnit(perDay)): Quantity {
  const value = perDay * DAYS_PER[unit];
  return { value: value >= 10 ? trimNumber(value, 0) : trimNumber(value, value >= 1 ? 1 : 2), unit };
}
