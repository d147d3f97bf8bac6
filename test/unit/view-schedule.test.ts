import { describe, expect, it } from 'vitest';
import { Simulation } from '@/machines/engine/simulation';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import { defaultSettings } from '@/machines/world/settings';
import { approvalSlotsOn, isReleaseDay, nextRelease } from '@/machines/view/schedule';

describe('nextRelease', () => {
  it('predicts the hand deploys of Continuous Integration exactly', () => {
    const settings = defaultSettings('ci', 6);
    const s = new Simulation(settings);
    s.advanceTo(60 * MINUTES_PER_DAY);
    const starts = s.log.filter((e) => e.type === 'stage.started' && e.stage === 'deploy').map((e) => e.t);
    expect(starts.length).toBeGreaterThan(4);
    for (const t of starts) {
      const predicted = nextRelease(settings, t - 1, null);
      // Every hand deploy starts at a predicted release (or at a retry after a failed one).
      if (predicted?.at !== t) {
        const failed = s.log.filter((e) => e.type === 'stage.failed' && e.stage === 'deploy' && e.t < t).map((e) => e.t);
        expect(nextRelease(settings, t - 1, failed[failed.length - 1] ?? null)?.at).toBe(t);
      }
    }
  });

  it('puts manual releases on the last workday of each interval', () => {
    const settings = defaultSettings('manual', 1);
    const first = nextRelease(settings, 0)!;
    expect(first.kind).toBe('release-day');
    const day = Math.floor(first.at / MINUTES_PER_DAY);
    expect(isReleaseDay(day, 90)).toBe(true);
    expect(day).toBeLessThan(90);
    expect(day).toBeGreaterThan(80);
    const s = new Simulation(settings);
    s.advanceTo(first.at + 1);
    expect(s.log.some((e) => e.type === 'approval.granted' && e.t === first.at)).toBe(true);
  });

  it('knows the scheduled approver’s slots and none for the learner', () => {
    const settings = { ...defaultSettings('delivery', 1), approver: 'scheduled' as const };
    expect(approvalSlotsOn(0, 3, settings.workingHours)).toEqual([11 * 60, 13 * 60, 15 * 60]);
    expect(approvalSlotsOn(5, 3, settings.workingHours)).toEqual([]);
    expect(nextRelease(settings, 11 * 60)).toEqual({ at: 13 * 60, kind: 'scheduled-approval' });
    // Friday after the last slot: Monday's first.
    expect(nextRelease(settings, 4 * MINUTES_PER_DAY + 16 * 60)!.at).toBe(7 * MINUTES_PER_DAY + 11 * 60);
    expect(nextRelease({ ...settings, approver: 'learner' }, 0)).toBeNull();
    expect(nextRelease(defaultSettings('deployment', 1), 0)).toBeNull();
  });

  it('retries a failed hand deploy the next working morning', () => {
    const settings = defaultSettings('ci', 1);
    const failedAt = 4 * MINUTES_PER_DAY + 11 * 60; // Friday 11:00
    expect(nextRelease(settings, failedAt + 5, failedAt)).toEqual({ at: 7 * MINUTES_PER_DAY + 10 * 60, kind: 'retry' });
  });
});
