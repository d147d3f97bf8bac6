/**
 * DORA performance bands, one table per report year, so another year can be added beside this one.
 *
 * 2024 (Accelerate State of DevOps Report 2024), per performance cluster:
 *   elite:  lead time < 1 day,      deploys on demand (several a day),  change fail 5%,  recovery < 1 hour
 *   high:   1 day - 1 week,         daily to weekly,                    20%,             < 1 day
 *   medium: 1 week - 1 month,       weekly to monthly,                  10%,             < 1 day
 *   low:    1 - 6 months,           monthly to every six months,        40%,             1 week - 1 month
 * The report gives clusters, not cut-offs. We classify a value into the best band whose bound it
 * meets, ordering the change-fail clusters by their rate (so 5-10% reads "medium", 10-20% "high":
 * in 2024 the medium cluster failed less often than the high one), and "high" wins the tie between
 * high and medium recovery times.
 */
export type Band = 'elite' | 'high' | 'medium' | 'low';
export type KeyMetric = 'deploymentFrequency' | 'leadTime' | 'changeFailureRate' | 'timeToRestore';

export interface BandRule {
  band: Band;
  /** Inclusive lower bound (deployment frequency: higher is better). */
  min?: number;
  /** Exclusive upper bound, or inclusive when `inclusive` (the other keys: lower is better). */
  max?: number;
  inclusive?: boolean;
  /** How the report words this band's range. */
  label: string;
}

export interface BandTable {
  year: number;
  source: string;
  /** Units: deployments per day, hours, fraction 0-1, hours. */
  rules: Record<KeyMetric, readonly BandRule[]>;
}

export const DORA_2024: BandTable = {
  year: 2024,
  source: 'Accelerate State of DevOps Report 2024',
  rules: {
    deploymentFrequency: [
      { band: 'elite', min: 1, label: 'on demand, several a day' },
      { band: 'high', min: 1 / 7, label: 'between once a day and once a week' },
      { band: 'medium', min: 1 / 30, label: 'between once a week and once a month' },
      { band: 'low', min: 0, label: 'between once a month and once every six months' },
    ],
    leadTime: [
      { band: 'elite', max: 24, label: 'less than one day' },
      { band: 'high', max: 24 * 7, label: 'between one day and one week' },
      { band: 'medium', max: 24 * 30, label: 'between one week and one month' },
      { band: 'low', max: Infinity, label: 'between one month and six months' },
    ],
    changeFailureRate: [
      { band: 'elite', max: 0.05, inclusive: true, label: 'about 5%' },
      { band: 'medium', max: 0.1, inclusive: true, label: 'about 10%' },
      { band: 'high', max: 0.2, inclusive: true, label: 'about 20%' },
      { band: 'low', max: Infinity, label: 'about 40%' },
    ],
    timeToRestore: [
      { band: 'elite', max: 1, label: 'less than one hour' },
      { band: 'high', max: 24, label: 'less than one day' },
      { band: 'low', max: Infinity, label: 'between one week and one month' },
    ],
  },
};

export const BAND_TABLES: Record<number, BandTable> = { 2024: DORA_2024 };
export const DEFAULT_REPORT_YEAR = 2024;

export const BAND_NAMES: Record<Band, string> = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

/** The band for a value, or null when there is nothing to classify (no deployments, no incidents). */
export function classify(metric: KeyMetric, value: number | null, table: BandTable = DORA_2024): BandRule | null {
  if (value === null || Number.isNaN(value)) return null;
  for (const rule of table.rules[metric]) {
    if (rule.min !== undefined && value >= rule.min) return rule;
    if (rule.max !== undefined && (rule.inclusive ? value <= rule.max : value < rule.max)) return rule;
  }
  return null;
}
