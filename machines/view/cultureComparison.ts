import { runHeadless } from '../engine/headless';
import type { Metrics } from '../metrics/metrics';
import type { BandRule } from '../metrics/dora';
import { CULTURES, type Culture, type Settings } from '../world/settings';

/**
 * What the culture does to the numbers, all else equal: the same mode, seed and commits run
 * headless once per culture. The live run mixes cultures when the learner switches mid-run; this
 * side-by-side keeps the lesson clean. Pure and deterministic (same settings = same numbers).
 */

export interface CultureNumbers {
  culture: Culture;
  handoffs: number;
  hoursWaiting: number;
  deploymentsPerDay: number;
  leadTimeHours: number | null;
  /** The median counts commits (incidents) still open at their age: the real value is at least this. */
  leadTimeIsLowerBound: boolean;
  changeFailureRate: number | null;
  timeToRestoreHours: number | null;
  timeToRestoreIsLowerBound: boolean;
  incidents: number;
  bands: Pick<Metrics['bands'], 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore'>;
}

/** Days each side runs: a month shows the pattern and takes a tenth of a second. */
export const COMPARISON_DAYS = 30;

/** The settings one side of the comparison runs with (scheduled approver: nobody clicks headless). */
export function comparisonSettings(live: Settings, culture: Culture, days = COMPARISON_DAYS): Settings {
  return { ...live, workingHours: { ...live.workingHours }, culture, days, approver: 'scheduled' };
}

export function numbersOf(culture: Culture, metrics: Metrics): CultureNumbers {
  const pick = (rule: BandRule | null) => rule;
  return {
    culture,
    handoffs: metrics.handoffs.count,
    hoursWaiting: metrics.handoffs.hoursWaiting,
    deploymentsPerDay: metrics.deploymentsPerDay,
    leadTimeHours: metrics.leadTimeHours.median,
    leadTimeIsLowerBound: metrics.leadTimeHours.medianIsLowerBound,
    changeFailureRate: metrics.changeFailureRate,
    timeToRestoreHours: metrics.timeToRestoreHours.median,
    timeToRestoreIsLowerBound: metrics.timeToRestoreHours.medianIsLowerBound,
    incidents: metrics.incidents,
    bands: {
      deploymentFrequency: pick(metrics.bands.deploymentFrequency),
      leadTime: pick(metrics.bands.leadTime),
      changeFailureRate: pick(metrics.bands.changeFailureRate),
      timeToRestore: pick(metrics.bands.timeToRestore),
    },
  };
}

export function runCulture(live: Settings, culture: Culture, days = COMPARISON_DAYS): CultureNumbers {
  return numbersOf(culture, runHeadless(comparisonSettings(live, culture, days)).metrics);
}

/** Both cultures on the live run's settings, DevOps first. */
export function compareCultures(live: Settings, days = COMPARISON_DAYS): CultureNumbers[] {
  return CULTURES.map((culture) => runCulture(live, culture, days));
}

/** The settings the comparison's answer depends on (culture is what it varies; days are its own). */
const COMPARISON_INPUTS = [
  'mode',
  'seed',
  'commitsPerDay',
  'developers',
  'testCoverage',
  'defectRate',
  'compileErrorRate',
  'flakyRate',
  'monitoring',
  'alarmThreshold',
  'approvalsPerDay',
  'releaseIntervalDays',
  'workingHours',
] as const satisfies readonly (keyof Settings)[];

/** A key that changes exactly when the comparison's answer would (the settings it depends on). */
export function comparisonKey(live: Settings): string {
  return JSON.stringify(COMPARISON_INPUTS.map((input) => live[input]));
}
