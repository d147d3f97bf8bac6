import type { Fault, LoggedEvent } from '../events';
import { indexAfterSeq } from '../sim/eventLog';

export const FAULTS: readonly Fault[] = ['break-build', 'flaky-test', 'escape-defect', 'fail-deploy'];

export type ArmedFaults = Record<Fault, number>;

export function noFaults(): ArmedFaults {
  return { 'break-build': 0, 'flaky-test': 0, 'escape-defect': 0, 'fail-deploy': 0 };
}

/**
 * Applies one event to the count of injected faults that have not struck yet, following the
 * engine's rules: the next pushed feature commit takes a pending "break the next build" and
 * "slip a defect past the tests"; a pending flaky test makes the next defect-free test run fail
 * as flaky; a pending deploy fault fails the next deploy (reason "injected").
 */
export function applyFaultEvent(armed: ArmedFaults, e: LoggedEvent): void {
  switch (e.type) {
    case 'fault.injected':
      armed[e.fault]++;
      break;
    case 'commit.pushed':
      if (e.kind !== 'feature') break;
      if (armed['break-build'] > 0) armed['break-build']--;
      if (armed['escape-defect'] > 0) armed['escape-defect']--;
      break;
    case 'stage.failed':
      if (e.stage === 'test' && e.reason === 'flaky-test' && armed['flaky-test'] > 0) armed['flaky-test']--;
      if (e.stage === 'deploy' && e.reason === 'injected' && armed['fail-deploy'] > 0) armed['fail-deploy']--;
      break;
    default:
      break;
  }
}

/**
 * Follows a run's log and keeps count of the faults a trainer injected that are still waiting to
 * strike. Incremental: each update reads only the events logged since the last one.
 */
export class FaultTracker {
  private armed = noFaults();
  private lastSeq = 0;

  update(log: readonly LoggedEvent[]): ArmedFaults {
    for (let i = indexAfterSeq(log, this.lastSeq); i < log.length; i++) {
      const e = log[i]!;
      applyFaultEvent(this.armed, e);
      this.lastSeq = e.seq;
    }
    return { ...this.armed };
  }
}

/** The same count from a whole log at once. */
export function armedFaults(log: readonly LoggedEvent[]): ArmedFaults {
  const armed = noFaults();
  for (const e of log) applyFaultEvent(armed, e);
  return armed;
}
