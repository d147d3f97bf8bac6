import { describe, expect, it } from 'vitest';
import { Simulation } from '@/machines/engine/simulation';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import { commitJourney, pendingBatch } from '@/machines/view/journey';
import { settingsFor } from '@/lib/url/simulatorParams';

describe('commitJourney', () => {
  const s = new Simulation(settingsFor({ mode: 'deployment', seed: 8, speed: 30, approver: 'learner' }));
  s.advanceTo(5 * MINUTES_PER_DAY);

  it('follows every commit in order, with consistent times', () => {
    for (const commit of s.allCommits()) {
      const journey = commitJourney(s, commit.seq)!;
      expect(journey.sha).toBe(commit.sha);
      expect(journey.steps.length).toBeGreaterThan(0);
      expect(journey.steps[0]!.stage).toBe('source');
      expect(journey.steps[0]!.enteredAt).toBe(commit.pushedAt);
      for (const step of journey.steps) {
        expect(step.waitingMinutes).toBeGreaterThanOrEqual(0);
        if (step.endedAt !== undefined) expect(step.endedAt).toBeGreaterThanOrEqual(step.enteredAt);
      }
      if (journey.state === 'in-production') {
        expect(journey.deployedAt).not.toBeNull();
        expect(journey.leadMinutes).toBe(journey.deployedAt! - commit.pushedAt);
        expect(journey.steps.some((st) => st.stage === 'deploy' && st.result === 'succeeded')).toBe(true);
      }
    }
  });

  it('never counts more work or waiting at a stage than the commit has lived: the inspector agrees with its lead time', () => {
    for (const commit of s.allCommits()) {
      const journey = commitJourney(s, commit.seq)!;
      for (const step of journey.steps) {
        // A finished stage is closed: its working time stops growing once the next stage begins.
        if (step.stage === 'source' || step.stage === 'build') {
          if (step.result === 'succeeded') expect(step.endedAt, `${commit.sha} ${step.stage}`).toBeDefined();
        }
        const spent = step.waitingMinutes + (step.workingMinutes ?? 0);
        expect(spent, `${commit.sha} ${step.stage}`).toBeLessThanOrEqual(journey.leadMinutes + 1e-6);
      }
    }
  });

  it('tells a superseded commit’s trip inside the newer revision', () => {
    const superseded = [...s.executions.values()].find((x) => x.status === 'superseded' && x.supersededBy !== undefined);
    expect(superseded).toBeDefined();
    const journey = commitJourney(s, superseded!.revision)!;
    const carried = journey.steps.filter((st) => st.carried);
    expect(carried.length).toBeGreaterThan(0);
    expect(carried[0]!.revision).toBeGreaterThan(superseded!.revision);
  });

  it('returns null for an unknown commit', () => {
    expect(commitJourney(s, 999999)).toBeNull();
  });
});

describe('pendingBatch', () => {
  it('lists what would ship, newest first, by author', () => {
    const s = new Simulation(settingsFor({ mode: 'delivery', seed: 3, speed: 30, approver: 'learner' }));
    s.advanceTo(MINUTES_PER_DAY);
    const batch = pendingBatch(s, s.headRevision, 4);
    expect(batch.count).toBe(s.headRevision - s.productionRevision);
    expect(batch.newest.length).toBe(Math.min(4, batch.count));
    expect(batch.newest[0]!.seq).toBe(s.headRevision);
    expect(batch.authors.reduce((n, a) => n + a.commits, 0)).toBe(batch.count);
    expect(batch.oldestPushedAt).toBe(s.commit(s.productionRevision + 1)!.pushedAt);
  });
});
