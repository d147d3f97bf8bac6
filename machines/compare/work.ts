import { FORMER_KEY_NAMES, KEY_NAMES, type BandRule, type KeyMetric } from '../metrics/dora';
import type { Metrics } from '../metrics/metrics';
import { durationQuantity, durationText, frequencyQuantity, rateQuantity, rateText, trimNumber, type FrequencyUnit, type Quantity } from '../metrics/quantity';
import { plural } from '../words';

/**
 * "Show your work": each DORA key as the formula with the learner's own numbers, and the numbers split
 * into a big value and its unit for the tiles. Pure, so the page, the CSV and the tests say the same.
 */

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

export const KEY_EXPLAIN: Record<KeyMetric, string> = {
  deploymentFrequency: 'Successful production deployments per day.',
  leadTime: 'Per commit, from push to running in production (median).',
  changeFailureRate: 'Deployments that shipped a defect and caused an incident.',
  timeToRestore: `Per incident, from its start to healthy again (median); formerly ${FORMER_KEY_NAMES.timeToRestore}.`,
};

export const KEY_ORDER: readonly KeyMetric[] = ['deploymentFrequency', 'leadTime', 'changeFailureRate', 'timeToRestore'];

/** Counts in this report group their thousands: "1,250 deployments". */
const GROUPED = { grouped: true } as const;

/** A rate as a percentage, by the one rule of the tiles (`rateText`). */
export function percentText(fraction: number): string {
  return rateText(fraction);
}

/** One key's work: its name, explanation and band, with what the run measured; notes come after. */
function keyWork(metrics: Metrics, key: KeyMetric, measured: Pick<KeyWork, 'quantity' | 'qualifier' | 'formula'>): KeyWork {
  const { quantity, qualifier, formula } = measured;
  return { key, name: KEY_NAMES[key], explain: KEY_EXPLAIN[key], quantity, qualifier, band: metrics.bands[key], formula, notes: [] };
}

/** A median of durations in hours, as a tile shows it: "at least" when it is a lower bound. */
function medianHours(median: number | null, lowerBound: boolean): Pick<KeyWork, 'quantity' | 'qualifier'> {
  return { quantity: median === null ? null : durationQuantity(median * 60), qualifier: lowerBound ? 'at least' : '' };
}

const atLeast = (lowerBound: boolean) => (lowerBound ? 'at least ' : '');

/** Why a median is a lower bound: "2 incidents still open at the end count at their age then, a lower bound." */
function countedAtAge(count: number, what: string, state: string): string {
  return `${plural(count, what, GROUPED)} ${state} at the end ${count === 1 ? 'counts' : 'count'} at ${count === 1 ? 'its' : 'their'} age then, a lower bound.`;
}

/**
 * The four keys of one run with their formulas. `frequencyUnit` puts deployment frequency in the
 * unit the cards beside this one use.
 */
export function showYourWork(metrics: Metrics, frequencyUnit?: FrequencyUnit): KeyWork[] {
  const days = metrics.window.days;
  const daysText = plural(Math.round(days * 100) / 100, 'day', GROUPED);

  const df = metrics.deploymentsPerDay;
  const dfQuantity = frequencyQuantity(df, frequencyUnit);
  const dfConverted = dfQuantity.unit === 'per day' ? '' : ` (${dfQuantity.value} ${dfQuantity.unit})`;
  const deploymentFrequency = keyWork(metrics, 'deploymentFrequency', {
    quantity: dfQuantity,
    qualifier: '',
    formula: `${plural(metrics.deployments, 'deployment', GROUPED)} ÷ ${daysText} = ${trimNumber(df, df >= 0.1 ? 2 : 3)} per day${dfConverted}`,
  });

  const lt = metrics.leadTimeHours;
  const total = lt.deployed + lt.pending;
  const leadTime = keyWork(metrics, 'leadTime', {
    ...medianHours(lt.median, lt.medianIsLowerBound),
    formula:
      lt.median === null
        ? 'No commit was pushed: no lead time to measure.'
        : `median of ${plural(total, 'lead time', GROUPED)} (push → production) = ${atLeast(lt.medianIsLowerBound)}${durationText(lt.median * 60)}`,
  });
  if (lt.p90 !== null) leadTime.notes.push(`90th percentile: ${atLeast(lt.p90IsLowerBound)}${durationText(lt.p90 * 60)}.`);
  if (lt.pending > 0) {
    leadTime.notes.push(`${plural(lt.deployed, 'commit', GROUPED)} reached production; ${countedAtAge(lt.pending, 'commit', 'still pending')}`);
  } else if (total > 0) {
    leadTime.notes.push(`All ${plural(total, 'commit', GROUPED)} reached production.`);
  }

  const cfr = metrics.changeFailureRate;
  const changeFailureRate = keyWork(metrics, 'changeFailureRate', {
    quantity: cfr === null ? null : rateQuantity(cfr),
    qualifier: '',
    formula:
      cfr === null
        ? 'No deployment reached production: nothing to divide.'
        : `${plural(metrics.failedChanges, 'failed change', GROUPED)} ÷ ${plural(metrics.deployments, 'deployment', GROUPED)} = ${percentText(cfr)}`,
  });
  if (cfr !== null) changeFailureRate.notes.push('A failed change is a deployment that shipped at least one defect.');

  const ttr = metrics.timeToRestoreHours;
  const timeToRestore = keyWork(metrics, 'timeToRestore', {
    ...medianHours(ttr.median, ttr.medianIsLowerBound),
    formula:
      ttr.median === null
        ? metrics.incidents === 0
          ? 'No incident in this run: nothing to restore.'
          : 'No incident was restored before the run ended.'
        : `median of ${plural(ttr.restored + ttr.open, 'recovery time', GROUPED)} (incident start → healthy) = ${atLeast(ttr.medianIsLowerBound)}${durationText(ttr.median * 60)}`,
  });
  if (ttr.open > 0) timeToRestore.notes.push(countedAtAge(ttr.open, 'incident', 'still open'));

  // Why a key has no band is said once, on the card's "Band:" line (ModeCard), not here as well.
  return [deploymentFrequency, leadTime, changeFailureRate, timeToRestore];
}
