import { describe, expect, it } from 'vitest';
import { Simulation } from '@/machines/engine/simulation';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import { defaultSettings } from '@/machines/world/settings';
import { approvalSlotsOn, isReleaseDay, nextRelease, releaseMomentsOn, retryTimeAfter, type ReleaseMoment } from '@/machines/world/releaseCalendar';

describe('nextRelease', () => {
  it.each(['ci', 'manual'] as const)('is what the engine releases by: it predicts every hand release of %s', (mode) => {
    for (const seed of [6, 7, 8]) {
      const sim = new Simulation({ ...defaultSettings(mode, seed), releaseIntervalDays: mode === 'manual' ? 30 : 7 });
      // The prediction made at the last event strictly before the release ("strictly after now").
      let earlier: ReleaseMoment | null = null;
      let latest: { t: number; next: ReleaseMoment | null } = { t: -1, next: null };
      const due: { t: number; predicted: number | undefined; kind: string }[] = [];
      sim.subscribe((e) => {
        if (e.t > latest.t) earlier = latest.next;
        if (e.type === 'release.due') due.push({ t: e.t, predicted: earlier?.at, kind: e.kind });
        latest = { t: e.t, next: sim.nextRelease() };
      });
      sim.advanceTo(120 * MINUTES_PER_DAY);
      expect(due.length).toBeGreaterThan(3);
      for (const d of due) expect(d.predicted).toBe(d.t);
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
    const retry = { at: retryTimeAfter(failedAt, settings.workingHours), kind: 'retry' as const };
    expect(retry.at).toBe(7 * MINUTES_PER_DAY + 10 * 60);
    expect(nextRelease(settings, failedAt + 5, retry)).toEqual(retry);
  });

  it('lets Continuous Delivery approve once per interval when the interval is longer than a day', () => {
    const weekly = { ...defaultSettings('delivery', 1), releaseIntervalDays: 7 };
    const days = Array.from({ length: 28 }, (_, d) => d).filter((d) => releaseMomentsOn(d, weekly).length > 0);
    expect(days).toEqual([4, 11, 18, 25]);
    const sim = new Simulation({ ...weekly, days: 28 }).runToEnd();
    const decisions = sim.log.filter((e) => e.type === 'approval.granted' && e.comment !== 'Hotfix for the incident.');
    expect(new Set(decisions.map((e) => Math.floor(e.t / MINUTES_PER_DAY)))).toEqual(new Set([4, 11, 18, 25]));
  });
});
