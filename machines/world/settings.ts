import { DEFAULT_WORKING_HOURS, type WorkingHours } from '../sim/calendar';
import { isMode, MODES, type Mode } from './modes';
import { DEPLOY_CONFIG_IDS, isDeployConfig, type DeployConfigName } from '../iac/deployConfigs';

export const CULTURES = ['devops', 'silos'] as const;
export type Culture = (typeof CULTURES)[number];

export const CULTURE_NAMES: Record<Culture, string> = { devops: 'DevOps', silos: 'Silos' };

/** Who decides at the Approval stage in Continuous Delivery. */
export type Approver = 'scheduled' | 'learner';

/** Everything that shapes a run. Same settings + same seed = the same run, event for event. */
export interface Settings {
  mode: Mode;
  seed: number;
  /** Length of a headless run, in days. */
  days: number;
  /** Commits the team pushes on an average working day. */
  commitsPerDay: number;
  /** Developers on the team (operators are added by the culture). */
  developers: number;
  /** Probability that a test catches a given hidden defect (0-1). */
  testCoverage: number;
  /** Mean probability that a commit carries a hidden defect (0-1); bigger commits carry more. */
  defectRate: number;
  /** Probability that a commit does not compile (0-1). */
  compileErrorRate: number;
  /** Probability that a test run fails for no reason in the code (0-1). */
  flakyRate: number;
  culture: Culture;
  /** Monitoring and alarms [CloudWatch]: off means customers find incidents, hours later. */
  monitoring: boolean;
  /** The error rate (0-1) at which the alarm fires. */
  alarmThreshold: number;
  /** Scheduled approvals per working day in Continuous Delivery ("three releases per day"). */
  approvalsPerDay: number;
  /** Who approves in Continuous Delivery; headless runs always use the scheduled approver. */
  approver: Approver;
  /**
   * Days between releases: manual release (default 90) and CI's hand deploys (default 7); in
   * Continuous Delivery, a value over 1 makes the scheduled approver approve once per interval
   * instead of `approvalsPerDay` times a working day.
   */
  releaseIntervalDays: number;
  /**
   * Blameless postmortems improve the pipeline (tests for the part that broke, alarm tuning). On by
   * default for a live run; comparisons hold it off so modes are compared on equal tests.
   */
  learning: boolean;
  workingHours: WorkingHours;
  /**
   * Infrastructure as Code: environments are made from the stack's template. Explicitly off, they are
   * configured by hand and drift by themselves (snowflakes). Unset, it is on (`iacOn`): the run
   * the engine always made.
   */
  iac?: boolean;
  /** CodeDeploy's deployment configuration (default AllAtOnce: every user, the stage's own times). */
  deployConfig?: DeployConfigName;
  /** Minutes of the alarm's metric over the threshold before it fires (default 3: the detection times drawn always). */
  alarmEvaluationPeriods?: number;
}

/**
 * Whether the run's environments come from code: unless the run says off, in every mode (the run the
 * engine always made). Hand-configured environments (snowflakes that drift by themselves) are a
 * choice a trainer makes (`iac=off`, /compare's switch, `simulate --iac off`) to show what IaC
 * prevents; as a default in manual and CI they would also shift every pinned number of those modes.
 * The engine and the pages both ask this, so they cannot disagree.
 */
export function iacOn(settings: Pick<Settings, 'iac'>): boolean {
  return settings.iac !== false;
}

export const DEFAULT_RELEASE_INTERVAL: Record<Mode, number> = { manual: 90, ci: 7, delivery: 1, deployment: 1 };

export function defaultSettings(mode: Mode = 'delivery', seed = 1): Settings {
  return {
    mode,
    seed,
    days: 90,
    commitsPerDay: 12,
    developers: 5,
    testCoverage: 0.7,
    defectRate: 0.1,
    compileErrorRate: 0.05,
    flakyRate: 0.02,
    culture: 'devops',
    monitoring: true,
    alarmThreshold: 0.05,
    approvalsPerDay: 3,
    approver: 'scheduled',
    releaseIntervalDays: DEFAULT_RELEASE_INTERVAL[mode],
    learning: true,
    workingHours: { ...DEFAULT_WORKING_HOURS },
  };
}

/** Range and meaning of each numeric setting; the CLI, the URL and the UI validate against it. */
export interface NumericSetting {
  key: keyof Settings;
  label: string;
  min: number;
  max: number;
  integer: boolean;
  unit?: string;
}

export const NUMERIC_SETTINGS: readonly NumericSetting[] = [
  { key: 'seed', label: 'seed', min: 0, max: 4294967295, integer: true },
  { key: 'days', label: 'days', min: 1, max: 3650, integer: true, unit: 'days' },
  { key: 'commitsPerDay', label: 'commits per day', min: 0, max: 1000, integer: false },
  { key: 'developers', label: 'developers', min: 1, max: 12, integer: true },
  { key: 'testCoverage', label: 'test coverage', min: 0, max: 1, integer: false },
  { key: 'defectRate', label: 'defect rate', min: 0, max: 1, integer: false },
  { key: 'compileErrorRate', label: 'compile error rate', min: 0, max: 1, integer: false },
  { key: 'flakyRate', label: 'flaky test rate', min: 0, max: 1, integer: false },
  { key: 'alarmThreshold', label: 'alarm threshold', min: 0.001, max: 1, integer: false },
  { key: 'approvalsPerDay', label: 'approvals per day', min: 1, max: 8, integer: true },
  { key: 'releaseIntervalDays', label: 'release interval', min: 1, max: 365, integer: true, unit: 'days' },
];

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; error: string; key: keyof Settings };

/**
 * Checks settings that came from outside (CLI, URL, UI). Returns the first problem in words that say
 * what is wrong and what would be right.
 */
export function validateSettings(settings: Settings): SettingsResult {
  if (!isMode(settings.mode)) {
    return { ok: false, key: 'mode', error: `mode must be one of ${MODES.join(', ')} (got "${String(settings.mode)}")` };
  }
  if (!(CULTURES as readonly string[]).includes(settings.culture)) {
    return { ok: false, key: 'culture', error: `culture must be one of ${CULTURES.join(', ')} (got "${String(settings.culture)}")` };
  }
  for (const spec of NUMERIC_SETTINGS) {
    const value = settings[spec.key] as unknown;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return { ok: false, key: spec.key, error: `${spec.label} must be a number (got "${String(value)}")` };
    }
    if (spec.integer && !Number.isInteger(value)) {
      return { ok: false, key: spec.key, error: `${spec.label} must be a whole number (got ${value})` };
    }
    if (value < spec.min || value > spec.max) {
      return { ok: false, key: spec.key, error: `${spec.label} must be between ${spec.min} and ${spec.max} (got ${value})` };
    }
  }
  if (settings.iac !== undefined && typeof settings.iac !== 'boolean') {
    return { ok: false, key: 'iac', error: `iac must be on or off (got "${String(settings.iac)}")` };
  }
  if (settings.deployConfig !== undefined && !isDeployConfig(String(settings.deployConfig))) {
    return { ok: false, key: 'deployConfig', error: `deploy config must be one of ${DEPLOY_CONFIG_IDS.join(', ')} (got "${String(settings.deployConfig)}")` };
  }
  const periods = settings.alarmEvaluationPeriods;
  if (periods !== undefined && !(typeof periods === 'number' && Number.isInteger(periods) && periods >= 1 && periods <= 10)) {
    return { ok: false, key: 'alarmEvaluationPeriods', error: `alarm evaluation periods must be a whole number from 1 to 10 (got ${String(periods)})` };
  }
  const { start, end } = settings.workingHours;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= 24 && start < end)) {
    return { ok: false, key: 'workingHours', error: `working hours must be whole hours with 0 <= start < end <= 24 (got ${start}-${end})` };
  }
  return { ok: true, settings };
}
