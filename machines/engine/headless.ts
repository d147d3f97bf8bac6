import { MINUTES_PER_DAY } from '../sim/calendar';
import { MetricsAccumulator, type Metrics } from '../metrics/metrics';
import type { Settings } from '../world/settings';
import { Simulation } from './simulation';

export interface RunResult {
  settings: Settings;
  simulation: Simulation;
  metrics: Metrics;
}

export interface HeadlessOptions {
  /**
   * Days of history the simulation keeps (see SimulationOptions.retainDays). The metrics are measured
   * as the events happen, so they do not need the log: long runs keep a little history and run in
   * bounded memory. Default: everything.
   */
  retainDays?: number;
  /** Keep the event log (default: only when all history is kept). */
  keepLog?: boolean;
}

/** Runs `settings.days` days headless and measures them over the whole run. */
export function runHeadless(settings: Settings, options: HeadlessOptions = {}): RunResult {
  const metricsSoFar = new MetricsAccumulator({ from: 0, to: settings.days * MINUTES_PER_DAY });
  const simulation = new Simulation(settings, {
    stages: 'direct',
    retainDays: options.retainDays,
    keepLog: options.keepLog ?? options.retainDays === undefined,
  });
  simulation.subscribe((event) => metricsSoFar.add(event));
  simulation.runToEnd();
  return { settings, simulation, metrics: metricsSoFar.result() };
}

/** The run as one JSON-ready object: the `simulate --json` contract in DOMAIN.md, and more. */
export function summarize({ settings, simulation, metrics }: RunResult) {
  return {
    mode: settings.mode,
    seed: settings.seed,
    days: settings.days,
    commits: metrics.commits,
    deployments: metrics.deployments,
    incidents: metrics.incidents,
    settings: {
      commitsPerDay: settings.commitsPerDay,
      developers: settings.developers,
      testCoverage: settings.testCoverage,
      defectRate: settings.defectRate,
      culture: settings.culture,
      monitoring: settings.monitoring,
      alarmThreshold: settings.alarmThreshold,
      approvalsPerDay: settings.approvalsPerDay,
      releaseIntervalDays: settings.releaseIntervalDays,
      learning: settings.learning,
      iac: settings.iac ?? null,
      deployConfig: settings.deployConfig ?? 'AllAtOnce',
      alarmEvaluationPeriods: settings.alarmEvaluationPeriods ?? 3,
    },
    metrics: {
      deploymentsPerDay: metrics.deploymentsPerDay,
      leadTimeHours: metrics.leadTimeHours,
      changeFailureRate: metrics.changeFailureRate,
      timeToRestoreHours: metrics.timeToRestoreHours,
      batchSize: metrics.batchSize,
      approvalWaitHours: metrics.approvalWaitHours,
      failedChanges: metrics.failedChanges,
      driftIncidents: metrics.driftIncidents,
      rollbacks: metrics.rollbacks,
      failedRollbacks: metrics.failedRollbacks,
      hotfixes: metrics.hotfixes,
      customerImpactMinutes: metrics.customerImpactMinutes,
      unfinishedRelease: metrics.unfinishedRelease,
      cadence: metrics.cadence,
      handoffs: metrics.handoffs,
      stages: metrics.stages,
      testCoverageAtEnd: simulation.testCoverage,
    },
    bands: {
      year: metrics.bands.year,
      source: metrics.bands.source,
      deploymentFrequency: metrics.bands.deploymentFrequency?.band ?? null,
      leadTime: metrics.bands.leadTime?.band ?? null,
      changeFailureRate: metrics.bands.changeFailureRate?.band ?? null,
      timeToRestore: metrics.bands.timeToRestore?.band ?? null,
      notes: metrics.bandNotes,
    },
  };
}

export type RunSummary = ReturnType<typeof summarize>;
