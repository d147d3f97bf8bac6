import type { StageJob } from '../pipeline/stageMachine';
import { MANUAL_STEP_FAILURE, STAGE_TIMES } from './durations';
import type { RunState, WorkStage } from './runState';
import type { Execution } from './types';
import { DEFAULT_DEPLOY_CONFIG, deployMinutes } from '../iac/deployConfigs';
import { changeWithEffect } from './stackState';

/**
 * What happens to an execution at a work stage, decided from the code in its revision: how long
 * the stage takes, and whether the build breaks, the tests catch a defect (or flake), or the
 * deploy fails. Injected faults are used up here, one per chance.
 */
export function makeJob(s: RunState, execution: Execution, stage: WorkStage): StageJob {
  const rng = s.rng.pipeline;
  const job: StageJob = { execution: execution.id, revision: execution.revision, duration: 1, outcome: 'succeeded', arrivedAt: s.now };
  if (stage === 'source') return job;
  if (stage === 'build') {
    const [min, max] = STAGE_TIMES.build;
    job.duration = rng.between(min, max);
    const broken = s.problems.compileErrorsIn(execution.revision);
    if (broken.length > 0) Object.assign(job, { outcome: 'failed', reason: 'compile-error', culprits: broken });
    return job;
  }
  if (stage === 'test') {
    const [min, max] = STAGE_TIMES.test;
    job.duration = rng.between(min, max);
    const caught = s.problems.caughtIn(execution.revision, (area) => s.tests.coverage(area));
    const flaky = rng.chance(s.settings.flakyRate);
    if (caught.length > 0) Object.assign(job, { outcome: 'failed', reason: 'defect-caught', culprits: caught });
    else if (useFault(s, 'flaky-test', execution)) Object.assign(job, { outcome: 'failed', reason: 'flaky-test', culprits: [] });
    else if (flaky) Object.assign(job, { outcome: 'failed', reason: 'flaky-test', culprits: [] });
    return job;
  }
  const [min, max] = s.deployTimes;
  // The deployment configuration (a canary bakes, one at a time is slow) shapes the same draw.
  job.duration = deployMinutes(s.settings.deployConfig ?? DEFAULT_DEPLOY_CONFIG, rng.between(min, max));
  const slip = s.settings.mode === 'manual' && rng.chance(MANUAL_STEP_FAILURE);
  if (useFault(s, 'fail-deploy', execution)) Object.assign(job, { outcome: 'failed', reason: 'injected', culprits: [] });
  else if (slip) Object.assign(job, { outcome: 'failed', reason: 'manual-step', culprits: [] });
  // Production's security group was changed by hand: the new instances never pass their health checks.
  else if (changeWithEffect(s.handChanges, 'deploy-fails')) Object.assign(job, { outcome: 'failed', reason: 'drift', culprits: [] });
  return job;
}

/** Uses up one injected fault of this kind on `execution`, if one is waiting. */
function useFault(s: RunState, fault: 'flaky-test' | 'fail-deploy', execution: Execution): boolean {
  if (s.faults[fault] === 0) return false;
  s.faults[fault]--;
  s.emit({ type: 'fault.applied', fault, execution: execution.id });
  return true;
}
