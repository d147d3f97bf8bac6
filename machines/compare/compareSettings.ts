import { MODES, type Mode } from '../world/modes';
import { defaultSettings, type Culture, type Settings } from '../world/settings';
import { releasePlan, type CadenceChoice, type ReleasePlan } from './cadence';

/**
 * What a comparison holds fixed across its modes: one seed, one team, one commit stream, one span of
 * days. These are the settings a trainer changes in class; the rest keep the engine's defaults.
 */
export interface CompareSettings {
  /** Two to four modes, in the order they were listed; shown in MODES order. */
  modes: Mode[];
  seed: number;
  days: number;
  commitsPerDay: number;
  /** 0-1 */
  testCoverage: number;
  /** 0-1 */
  defectRate: number;
  monitoring: boolean;
  culture: Culture;
  cadence: CadenceChoice;
  /**
   * Postmortems improve the tests during the run. Off by default: with it on, the modes that have
   * more incidents early also learn more, and the comparison would no longer be on equal tests.
   */
  learning: boolean;
  /**
   * Environments made from the stack's template (Infrastructure as Code). Off, every mode's
   * environments are configured by hand and drift by themselves: drift fails deployments and causes
   * incidents that a rollback does not cure (machines/engine/infrastructure.ts).
   */
  iac: boolean;
}

export const MIN_MODES = 2;
export const MAX_MODES = 4;

/** The comparison a newcomer sees first: Continuous Delivery against Continuous Deployment. */
export function defaultCompareSettings(): CompareSettings {
  const base = defaultSettings('delivery', 42);
  return {
    modes: ['delivery', 'deployment'],
    seed: 42,
    days: base.days,
    commitsPerDay: base.commitsPerDay,
    testCoverage: base.testCoverage,
    defectRate: base.defectRate,
    monitoring: base.monitoring,
    culture: base.culture,
    cadence: 'default',
    learning: false,
    iac: true,
  };
}

/**
 * Limits of what the comparison page accepts. Narrower than the engine's own (NUMERIC_SETTINGS) where a
 * class needs no more and the page must stay instant: four modes over a year is the most it runs.
 */
export interface CompareLimit {
  key: 'seed' | 'days' | 'commitsPerDay' | 'testCoverage' | 'defectRate';
  min: number;
  max: number;
  integer: boolean;
}

export const COMPARE_LIMITS: Record<CompareLimit['key'], CompareLimit> = {
  seed: { key: 'seed', min: 0, max: 4294967295, integer: true },
  days: { key: 'days', min: 7, max: 365, integer: true },
  commitsPerDay: { key: 'commitsPerDay', min: 1, max: 40, integer: false },
  testCoverage: { key: 'testCoverage', min: 0, max: 1, integer: false },
  defectRate: { key: 'defectRate', min: 0, max: 0.5, integer: false },
};

/** Modes in the product's order (manual, CI, delivery, deployment), duplicates removed. */
export function orderModes(modes: readonly Mode[]): Mode[] {
  return MODES.filter((m) => modes.includes(m));
}

/** Engine settings and release plan for one mode of the comparison. */
export function modeSettings(compare: CompareSettings, mode: Mode): { settings: Settings; plan: ReleasePlan } {
  const plan = releasePlan(mode, compare.cadence);
  const settings: Settings = {
    ...defaultSettings(mode, compare.seed),
    days: compare.days,
    commitsPerDay: compare.commitsPerDay,
    testCoverage: compare.testCoverage,
    defectRate: compare.defectRate,
    monitoring: compare.monitoring,
    culture: compare.culture,
    learning: compare.learning,
    // On is the engine's own run (no snowflakes); off is said explicitly, so equal runs keep equal keys.
    ...(compare.iac ? {} : { iac: false }),
    ...plan.patch,
  };
  return { settings, plan };
}

/** A stable key for one mode's run: equal keys give equal runs (the engine is deterministic). */
export function runKey(settings: Settings, plan: ReleasePlan): string {
  return JSON.stringify([settings, plan.targetPerDay]);
}
