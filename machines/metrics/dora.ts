/**
 * DORA performance bands, one table per report year, so another year can be added beside this one.
 *
 * The 2024 report (Accelerate State of DevOps Report 2024) describes four performance clusters, not
 * thresholds:
 *   elite:  lead time < 1 day,    deploys on demand (several a day), change fail 5%,  recovery < 1 hour
 *   high:   1 day - 1 week,       between once a day and once a week, 20%,            < 1 day
 *   medium: 1 week - 1 month,     between once a week and once a month, 10%,          < 1 day
 *   low:    1 - 6 months,         between once a month and once every six months, 40%, 1 week - 1 month
 *
 * To place one team's value we need thresholds, and they must be monotone: a better value never gets
 * a worse band. So each key's bands are ordered elite, high, medium, low with rising bounds:
 * - lead time: the clusters' own ranges;
 * - change failure rate: the clusters' rates sorted, with bounds halfway between them (on a log
 *   scale). In 2024 the medium cluster failed less often (10%) than the high cluster (20%); a
 *   monotone rule on this key alone cannot honour that, so the bands follow the values in order;
 * - failed deployment recovery time: the clusters' bounds, with the gap between "less than one
 *   day" and "one week" given to medium;
 * - deployment frequency: by cadence (see `placeDeploymentFrequency`), independent of run length.
 * A key is not banded from a lower bound, or from fewer than `MIN_TO_BAND` deployments or incidents.
 */
export type Band = 'elite' | 'high' | 'medium' | 'low';
export const BANDS: readonly Band[] = ['elite', 'high', 'medium', 'low'];
export type KeyMetric = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore';

/** The 2024 name of the fourth key, with the older one. */
export const KEY_NAMES: Record<KeyMetric, string> = {
  deploymentFrequency: 'Deployment frequency',
  leadTime: 'Lead time for changes',
  changeFailureRate: 'Change failure rate',
  timeToRestore: 'Failed deployment recovery time',
};
export const FORMER_KEY_NAMES: Partial<Record<KeyMetric, string>> = { timeToRestore: 'time to restore service' };

export interface BandRule {
  band: Band;
  /** Exclusive upper bound in the key's unit (lead time and recovery: hours; failure rate: 0-1). */
  max: number;
  /** How the band's range reads. */
  label: string;
}

export interface BandTable {
  year: number;
  source: string;
  /** Lower is better for these keys; rules in band order with rising `max`. */
  rules: Record<Exclude<KeyMetric, 'deploymentFrequency'>, readonly BandRule[]>;
  /** Deployment frequency labels per band. */
  frequencyLabels: Record<Band, string>;
}

/** Fewer deployments (or incidents, for recovery time) than this are too few to band. */
export const MIN_TO_BAND = 5;

const geometricMidpoint = (a: number, b: number) => Math.sqrt(a * b);

export const DORA_2024: BandTable = {
  year: 2024,
  source: 'Accelerate State of DevOps Report 2024',
  rules: {
    leadTime: [
      { band: 'elite', max: 24, label: 'less than one day' },
      { band: 'high', max: 24 * 7, label: 'between one day and one week' },
      { band: 'medium', max: 24 * 30, label: 'between one week and one month' },
      { band: 'low', max: Infinity, label: 'more than one month' },
    ],
    changeFailureRate: [
      { band: 'elite', max: geometricMidpoint(0.05, 0.1), label: 'about 5%' },
      { band: 'high', max: geometricMidpoint(0.1, 0.2), label: 'about 10%' },
      { band: 'medium', max: geometricMidpoint(0.2, 0.4), label: 'about 20%' },
      { band: 'low', max: Infinity, label: 'about 40%' },
    ],
    timeToRestore: [
      { band: 'elite', max: 1, label: 'less than one hour' },
      { band: 'high', max: 24, label: 'less than one day' },
      { band: 'medium', max: 24 * 7, label: 'between one day and one week' },
      { band: 'low', max: Infinity, label: 'one week or more' },
    ],
  },
  frequencyLabels: {
    elite: 'on demand, several a day',
    high: 'between once a day and once a week',
    medium: 'between once a week and once a month',
    low: 'less than once a month',
  },
};

export const BAND_TABLES: Record<number, BandTable> = { 2024: DORA_2024 };
export const DEFAULT_REPORT_YEAR = 2024;

export const BAND_NAMES: Record<Band, string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

/** A placed value, or why a value gets no band. */
export interface Placement {
  rule: BandRule | null;
  /** Why there is no band, in words ("too few to band: 3 deployments"); null when banded. */
  reason: string | null;
}

/** The band of a lower-is-better key's value (hours, or a failure rate 0-1). */
export function classify(metric: Exclude<KeyMetric, 'deploymentFrequency'>, value: number | null, table: BandTable = DORA_2024): BandRule | null {
  if (value === null || Number.isNaN(value)) return null;
  for (const rule of table.rules[metric]) if (value < rule.max) return rule;
  return null;
}

/**
 * How often a team deploys, as cadence rather than a rate over the run, so the band does not change
 * with run length (52 weekly releases in 365 days are weekly, though 52/365 < 1/7):
 * - `perWorkingDay`: deployments per working day;
 * - `daysWithDeploy`, `weeksWithDeploy`, `monthsWithDeploy`: the share of working days, whole weeks
 *   and whole 30-day months of the run that had at least one deployment.
 */
export interface Cadence {
  deployments: number;
  perWorkingDay: number;
  daysWithDeploy: number;
  weeksWithDeploy: number;
  monthsWithDeploy: number;
}

/**
 * Deployment frequency's band: elite when the team deploys several times a working day on most
 * working days; high when most weeks have a deployment; medium when most months do; low otherwise.
 * Adding a deployment never lowers the band.
 */
export function placeDeploymentFrequency(cadence: Cadence, table: BandTable = DORA_2024): Placement {
  if (cadence.deployments < MIN_TO_BAND) return { rule: null, reason: tooFew(cadence.deployments, 'deployment') };
  const band: Band =
    cadence.perWorkingDay >= 2 && cadence.daysWithDeploy >= 0.5
      ? 'elite'
      : cadence.weeksWithDeploy >= 0.5
        ? 'high'
        : cadence.monthsWithDeploy >= 0.5
          ? 'medium'
          : 'low';
  return { rule: { band, max: Infinity, label: table.frequencyLabels[band] }, reason: null };
}

/** Why a key has no band, as a kind the views can show in a word ("Too few to band", "Lower bound"). */
export type BandGap = 'too-few' | 'lower-bound' | 'no-data';

export function tooFew(count: number, what: string): string {
  return `too few to band: ${count} ${what}${count === 1 ? '' : 's'}`;
}
