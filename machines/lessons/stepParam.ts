import type { Lesson } from './types';

/** The step a deep link asks for (1-based in the address), or a notice saying why it cannot be used. */
export function readStepParam(raw: string | null, lesson: Lesson): { step: number; notice: string | null } {
  if (raw === null) return { step: 0, notice: null };
  const n = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= lesson.steps.length) return { step: n - 1, notice: null };
  const shown = raw.length > 20 ? `${raw.slice(0, 20)}…` : raw;
  return { step: 0, notice: `step must be a whole number from 1 to ${lesson.steps.length} (got "${shown}"); starting at step 1.` };
}
