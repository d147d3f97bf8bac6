/**
 * How production fails and how hard it is to put right: the figures behind "risk grows with the
 * batch" (DOMAIN.md, "Defects, incidents, restore").
 *
 * Accelerate (Forsgren, Humble, Kim, 2018, ch. 2 and 3) and the State of DevOps reports (2014-2024)
 * find that teams shipping small batches often have lower change failure rates and recover faster,
 * while big, infrequent releases fail more and take longest to recover (2024 report: low performers
 * need one week to one month). They give no per-commit figures: the numbers below are this model's
 * assumptions, chosen so that the model reproduces those findings (test/fidelity/ checks it).
 */

/** Mean share of failing requests of a healthy service. */
export const BASELINE_ERROR_RATE = 0.002;

/**
 * Share of requests one escaped defect breaks once it shows: most defects hit one part of the
 * product. Each defect draws its own; a release carrying many of them adds them up.
 */
export const DEFECT_ERROR_RATE: readonly [number, number] = [0.02, 0.3];

/** Minutes from a defect reaching production to its first failing requests. */
export const INCIDENT_ONSET: readonly [number, number] = [5, 60];

/**
 * Share of commits that carry a schema or data change the previous revision cannot run on. A
 * rollback across such a change fails, and the team must fix forward. One in three hundred makes a
 * one-commit deploy almost always reversible and a quarterly release of 700 commits almost never.
 */
export const IRREVERSIBLE_CHANGE_SHARE = 1 / 300;

/** Chance that a rollback across `commits` commits cannot run. */
export function rollbackFailureChance(commits: number): number {
  return 1 - Math.pow(1 - IRREVERSIBLE_CHANGE_SHARE, Math.max(0, commits));
}

/** Searching a batch for the culprit: working minutes per halving of the suspects (git bisect). */
export const DIAGNOSIS_MINUTES_PER_HALVING = 15;
/** Reading what changed: working minutes per commit in the suspect deployment. */
export const DIAGNOSIS_MINUTES_PER_COMMIT = 0.5;

/**
 * Working minutes to find the commit behind an incident in a deployment of `batch` commits. It grows
 * with the batch: a one-commit deploy has one suspect; a quarterly release has hundreds, and their
 * changes interact.
 */
export function diagnosisMinutes(batch: number): number {
  const suspects = Math.max(1, batch);
  return DIAGNOSIS_MINUTES_PER_HALVING * Math.log2(suspects + 1) + DIAGNOSIS_MINUTES_PER_COMMIT * suspects;
}

/** Minutes from a working fix passing its tests to a hand-run hotfix starting (manual release, CI). */
export const HOTFIX_REACTION_MINUTES = 20;

/**
 * A trainer's injected defect is the one the class is watching: it breaks at least this share of
 * requests, or this many times the alarm threshold, so that the alarm can see it.
 */
export const INJECTED_DEFECT_ERROR_RATE = 0.1;
export const INJECTED_DEFECT_ALARM_MARGIN = 1.5;
