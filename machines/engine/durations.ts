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
