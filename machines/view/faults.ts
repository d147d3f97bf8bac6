import type { Fault } from '../events';

/** The faults a trainer can inject, in the order the toolbar's menu lists them. */
export const FAULTS: readonly Fault[] = ['break-build', 'flaky-test', 'escape-defect', 'fail-deploy'];

/** Faults injected and still waiting to strike, per kind, as the engine counts them (`pendingFaults`). */
export type ArmedFaults = Readonly<Record<Fault, number>>;
