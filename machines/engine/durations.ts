import type { Mode } from '../world/modes';

/** Working time per stage in virtual minutes [min, max] (DOMAIN.md, "The pipeline"). */
export const STAGE_TIMES = {
  source: [1, 1],
  build: [4, 8],
  test: [8, 15],
  /** A rolling deploy by CodeDeploy. */
  deploy: [3, 6],
} as const satisfies Record<string, readonly [number, number]>;

/** A deploy run by hand: CI's weekly deploy is a runbook; a quarterly release is an evening's work. */
export const HAND_DEPLOY_TIMES: Record<'manual' | 'ci', readonly [number, number]> = {
  manual: [90, 180],
  ci: [30, 60],
};

export function deployTimes(mode: Mode): readonly [number, number] {
  return mode === 'manual' || mode === 'ci' ? HAND_DEPLOY_TIMES[mode] : STAGE_TIMES.deploy;
}

/** The shortest time a commit can take from push to production: every stage at its fastest. */
export function minimumLeadTime(mode: Mode): number {
  return STAGE_TIMES.source[0] + STAGE_TIMES.build[0] + STAGE_TIMES.test[0] + deployTimes(mode)[0];
}

// ---- people's work (virtual minutes; working minutes where the name says so)

/** Minutes a teammate spends reviewing a pushed change (DevOps culture). */
export const REVIEW_MINUTES = 15;
/** Working minutes an author needs to push a fix once told. */
export const FIX_MINUTES: readonly [number, number] = [30, 90];
/** Working minutes a ticket waits in the other team's queue (silos). */
export const TICKET_MINUTES: readonly [number, number] = [60, 360];
/** Lines in a fix commit: log-normal with this median and spread. */
export const FIX_SIZE = { median: 15, sigma: 0.8 } as const;
/** A fix is this many times less likely than a feature to break the build or carry a defect. */
export const FIX_PROBLEM_RARITY = { compileError: 2, defect: 3 } as const;
/** Chance that a step of a hand-run release goes wrong (manual release only). */
export const MANUAL_STEP_FAILURE = 0.15;

/** Step (the UI's) runs quiet timers until something is logged, for at most this many days. */
export const STEP_LOOKAHEAD_DAYS = 7;

// ---- incidents

/** Minutes from failing requests to an alarm, with monitoring on and the error rate over the threshold. */
export const ALARM_DETECTION_MINUTES: readonly [number, number] = [2, 8];
/** Minutes until customers report what no alarm caught. */
export const CUSTOMER_DETECTION_MINUTES: readonly [number, number] = [60, 360];
/** Minutes to acknowledge a page: developers on call (DevOps) or an Ops queue (silos). */
export const ACK_MINUTES = { devops: [3, 10], silos: [10, 25] } as const satisfies Record<string, readonly [number, number]>;
/** Extra minutes to acknowledge a page outside working hours (someone wakes up). */
export const NIGHT_ACK_MINUTES: readonly [number, number] = [10, 25];
/** Minutes from acknowledgement to a rollback decision: shared ownership, or Ops asking Dev first. */
export const DECIDE_MINUTES = { devops: [5, 15], silos: [30, 120] } as const satisfies Record<string, readonly [number, number]>;
/** Detection slower than this many minutes makes a blameless postmortem tune the alarm. */
export const SLOW_DETECTION_MINUTES = 15;
/** Working minutes from an incident's end to its postmortem. */
export const POSTMORTEM_DELAY_MINUTES = 60;
/** Alarm tuning: each tuning postmortem shortens alarm delay to this share, down to the floor. */
export const ALARM_TUNING_STEP = 0.7;
export const ALARM_TUNING_FLOOR = 0.4;
