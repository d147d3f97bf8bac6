import { MINUTES_PER_DAY } from '../sim/calendar';
import { computeMetrics, type Metrics } from '../metrics/metrics';
import type { Settings } from '../world/settings';
import { Simulation } from './simulation';

export interface RunResult {
  settings: Settings;
  simulation: Simulation;
  metrics: Metrics;
}

/** Runs `settings.days` days headless and measures them over the whole run. */
export function runHeadless(settings: Settings): RunResult {
  const simulation = new Simulation(settings, { stages: 'direct' }).runToEnd();
  const metrics = computeMetrics(simulation.log, { from: 0, to: settings.days * MINUTES_PER_DAY });
  return { settings, simulation, metrics };
}

/** The run as one JSON-ready object: the `simulate --json` contract in DOMAIN.md, and more. */
export function summarize({ settings, simulation, metrics }: RunResult) {
  const commits = simulation.allCommits();
  return {
    mode: settings.mode,
    seed: settings.seed,
    days: settings.days,
    commits: commits.length,
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
    },
    metrics: {
      deploymentsPerDay: metrics.deploymentsPerDay,
      leadTimeHours: metrics.leadTimeHours,
      changeFailureRate: metrics.changeFailureRate,
      timeToRestoreHours: metrics.timeToRestoreHours,
      batchSize: metrics.batchSize,
      approvalWaitHours: metrics.approvalWaitHours,
      failedChanges: metrics.failedChanges,
      rollbacks: metrics.rollbacks,
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
    },
  };
}

export type RunSummary = ReturnType<typeof summarize>;
