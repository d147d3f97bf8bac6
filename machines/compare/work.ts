import { BAND_NAMES, type BandRule, type KeyMetric } from '../metrics/dora';
import type { Metrics } from '../metrics/metrics';
import { plural } from '../words';

/**
 * "Show your work": each DORA key as the formula with the learner's own numbers, and the numbers split
 * into a big value and its unit for the tiles. Pure, so the page, the CSV and the tests say the same.
 */

export interface Quantity {
  /** The number as shown: "1.98", "26". */
  value: string;
  /** Its unit in words: "per day", "min", "hours", "%". */
  unit: string;
}

export interface KeyWork {
  key: KeyMetric;
  /** "Deployment frequency" */
  name: string;
  /** What it measures, in one line. */
  explain: string;
  /** Null when there is nothing to measure (no deployments, no incident restored). */
  quantity: Quantity | null;
  /** "at least" when the value is a lower bound (lead time with pending commits). */
  qualifier: string;
  band: BandRule | null;
  /** The formula with the learner's numbers: "179 deployments ÷ 90 days = 1.99 per day". */
  formula: string;
  /** More detail, or why there is no value. */
  notes: string[];
}

export const KEY_NAMES: Record<KeyMetric, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  timeToRestore: 'Time to restore service',
};

export const KEY_EXPLAIN: Record<KeyMetric, string> = {
  deploymentFrequency: 'Successful production deployments per day.',
  leadTime: 'Per commit, from push to running in production (median).',
  changeFailureRate: 'Deployments that shipped a defect and caused an incident.',
  timeToRestore: 'Per incident, from its start to healthy again (median).',
};

export const KEY_ORDER: readonly KeyMetric[] = ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'timeToRestore'];

/** Counts in this report group their thousands: "1,250 deployments". */
const GROUPED = { grouped: true } as const;

/** Trims a fixed-point number: 2.50 -> "2.5", 3.00 -> "3". */
export function trimNumber(value: number, digits: number): string {
  const fixed = value.toFixed(digits);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** A duration as a number and a unit a trainer would say: 26 min, 2.3 hours, 39 days. */
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

/** Deployment frequency as people say it: per day when daily or more, else per week or per month. */
export function frequencyQuantity(perDay: number): Quantity {
  if (perDay >= 1) return { value: perDay.toFixed(2), unit: 'per day' };
  if (perDay >= 1 / 7) return { value: trimNumber(perDay * 7, 1), unit: 'per week' };
  return { value: trimNumber(perDay * 30, 2), unit: 'per month' };
}

export function percentText(fraction: number): string {
  return `${trimNumber(fraction * 100, 1)}%`;
}

export function bandText(band: BandRule | null, year: number): string {
  return band ? `${BAND_NAMES[band.band]}: ${band.label} (DORA ${year})` : 'No band: nothing to classify';
}

/** The four keys of one run with their formulas. */
export function showYourWork(metrics: Metrics): KeyWork[] {
  const days = metrics.window.days;
  const daysText = plural(Math.round(days * 100) / 100, 'day', GROUPED);
  const { bands } = metrics;

  const df = metrics.deploymentsPerDay;
  const dfQuantity = frequencyQuantity(df);
  const dfConverted = dfQuantity.unit === 'per day' ? '' : ` (${dfQuantity.value} ${dfQuantity.unit})`;
  const deploymentFrequency: KeyWork = {
    key: 'deploymentFrequency',
    name: KEY_NAMES.deploymentFrequency,
    explain: KEY_EXPLAIN.deploymentFrequency,
    quantity: dfQuantity,
    qualifier: '',
    band: bands.deploymentFrequency,
    formula: `${plural(metrics.deployments, 'deployment', GROUPED)} ÷ ${daysText} = ${trimNumber(df, df >= 0.1 ? 2 : 3)} per day${dfConverted}`,
    notes: [],
  };

  const lt = metrics.leadTimeHours;
  const total = lt.deployed + lt.pending;
  const leadTime: KeyWork = {
    key: 'leadTime',
    name: KEY_NAMES.leadTime,
    explain: KEY_EXPLAIN.leadTime,
    quantity: lt.median === null ? null : durationQuantity(lt.median * 60),
    qualifier: lt.medianIsLowerBound ? 'at least' : '',
    band: bands.leadTime,
    formula:
      lt.median === null
        ? 'No commit was pushed: no lead time to measure.'
        : `median of ${plural(total, 'lead time', GROUPED)} (push → production) = ${lt.medianIsLowerBound ? 'at least ' : ''}${durationText(lt.median * 60)}`,
    notes: [],
  };
  if (lt.p90 !== null) leadTime.notes.push(`90th percentile: ${lt.p90IsLowerBound ? 'at least ' : ''}${durationText(lt.p90 * 60)}.`);
  if (lt.pending > 0) {
    leadTime.notes.push(
      `${plural(lt.deployed, 'commit', GROUPED)} reached production; ${plural(lt.pending, 'commit', GROUPED)} still pending at the end ${lt.pending === 1 ? 'counts' : 'count'} at ${lt.pending === 1 ? 'its' : 'their'} age then, a lower bound.`,
    );
  } else if (total > 0) {
    leadTime.notes.push(`All ${plural(total, 'commit', GROUPED)} reached production.`);
  }

  const cfr = metrics.changeFailureRate;
  const changeFailureRate: KeyWork = {
    key: 'changeFailureRate',
    name: KEY_NAMES.changeFailureRate,
    explain: KEY_EXPLAIN.changeFailureRate,
    quantity: cfr === null ? null : { value: trimNumber(cfr * 100, 1), unit: '%' },
    qualifier: '',
    band: bands.changeFailureRate,
    formula:
      cfr === null
        ? 'No deployment reached production: nothing to divide.'
        : `${plural(metrics.failedChanges, 'failed change', GROUPED)} ÷ ${plural(metrics.deployments, 'deployment', GROUPED)} = ${percentText(cfr)}`,
    notes: [],
  };
  if (cfr !== null) changeFailureRate.notes.push('A failed change is a deployment that shipped at least one defect.');

  const ttr = metrics.timeToRestoreHours;
  const timeToRestore: KeyWork = {
    key: 'timeToRestore',
    name: KEY_NAMES.timeToRestore,
    explain: KEY_EXPLAIN.timeToRestore,
    quantity: ttr.median === null ? null : durationQuantity(ttr.median * 60),
    qualifier: '',
    band: bands.timeToRestore,
    formula:
      ttr.median === null
        ? metrics.incidents === 0
          ? 'No incident in this run: nothing to restore.'
          : 'No incident was restored before the run ended.'
        : `median of ${plural(ttr.restored, 'restore time', GROUPED)} (incident start → healthy) = ${durationText(ttr.median * 60)}`,
    notes: [],
  };
  if (ttr.open > 0) timeToRestore.notes.push(`${plural(ttr.open, 'incident', GROUPED)} still open at the end ${ttr.open === 1 ? 'is' : 'are'} not counted.`);

  return [deploymentFrequency, leadTime, changeFailureRate, timeToRestore];
}
