/** Simulated minutes per real second: one minute a second up to a working day in two seconds. */
export const SPEEDS = [1, 5, 15, 30, 60, 120, 240] as const;
export type Speed = (typeof SPEEDS)[number];
export const DEFAULT_SPEED: Speed = 30;

export function speedLabel(speed: number): string {
  if (speed < 60) return `${speed} min/s`;
  return `${speed / 60} h/s`;
}

export function isSpeed(value: number): value is Speed {
  return (SPEEDS as readonly number[]).includes(value);
}

/** Nights and weekends, when nobody works and nothing is in flight, pass this much faster. */
export const QUIET_TIME_FACTOR = 20;
