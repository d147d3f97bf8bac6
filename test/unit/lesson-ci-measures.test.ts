import { describe, expect, it } from 'vitest';
import { Simulation } from '../../machines/engine/simulation';
import { continuousIntegration } from '../../machines/lessons/catalog/continuousIntegration';
import { debriefRun } from '../../machines/lessons/debrief';
import { measure } from '../../machines/lessons/measures';
import { referenceRun } from '../../machines/lessons/replay';
import { contextAt } from '../../machines/lessons/session';
import { defaultSettings } from '../../machines/world/settings';

/** A CI run (seed 8) with the build broken at 09:35: commit 3 does not compile, commit 8 fixes it. */
function brokenRun(until: number) {
  const sim = new Simulation(defaultSettings('ci', 8), { stages: 'direct' });
  sim.advanceTo(9 * 60 + 35);
  sim.inject('break-build');
  sim.advanceTo(until);
  return sim;
}

describe('measures of the Continuous Integration lesson', () => {
  it('sets the same numbers side by side when the learner did what the reference did', () => {
    const run = referenceRun(continuousIntegration);
    const { rows } = debriefRun(continuousIntegration, run.sim);
    expect(rows.map((r) => r.yours)).toEqual(rows.map((r) => r.reference));
    expect(rows.every((r) => r.yours !== 'none yet')).toBe(true);
  });

  it('tells a failure on the injected commit, counts the later ones, and times main red', () => {
    const sim = brokenRun(12 * 60);
    const builds = sim.log.filter((e) => (e.type === 'stage.failed' || e.type === 'stage.succeeded') && e.stage === 'build');
    const firstFailure = builds.find((e) => e.type === 'stage.failed')!;
    const fixed = builds.find((e) => e.type === 'stage.succeeded' && e.revision > firstFailure.revision)!;
    const at = (moment: (typeof builds)[number]) => contextAt(sim, moment, new Map());

    expect(measure('brokeOnInjected', at(firstFailure))).toBe('yes');
    expect(measure('greenAfterBreak', at(fixed))).toBe('yes');
    expect(measure('greenAfterBreak', at(builds[0]!))).toBe('no');
    const whole = contextAt(sim, null, new Map());
    expect(measure('mainBuild', whole)).toBe('green');
    expect(measure('laterBuildFailures', whole)).toBe(builds.filter((e) => e.type === 'stage.failed').length - 1);
    expect(measure('minutesMainRed', whole)).toBeCloseTo(fixed.t - firstFailure.t, 6);
  });

  it('stops counting at the end of the window the debrief measures', () => {
    const sim = brokenRun(12 * 60);
    const failures = sim.log.flatMap((e) => (e.type === 'stage.failed' && e.stage === 'build' ? [e] : []));
    const firstFailure = failures[0]!;
    const cut = contextAt(sim, null, new Map(), 10 * 60 + 10);
    expect(measure('mainBuild', cut)).toBe('red');
    expect(measure('minutesMainRed', cut)).toBeCloseTo(10 * 60 + 10 - firstFailure.t, 4);
    const later = failures.filter((e) => e.revision > firstFailure.revision && e.t <= 10 * 60 + 10);
    expect(later.length).toBeGreaterThan(0);
    expect(measure('laterBuildFailures', cut)).toBe(later.length);
  });

  it('counts main red up to now while no fix has passed', () => {
    const sim = brokenRun(10 * 60 + 10);
    const whole = contextAt(sim, null, new Map());
    const firstFailure = sim.log.find((e) => e.type === 'stage.failed' && e.stage === 'build')!;
    expect(measure('mainBuild', whole)).toBe('red');
    expect(measure('minutesMainRed', whole)).toBeCloseTo(sim.now - firstFailure.t, 6);
  });
});
