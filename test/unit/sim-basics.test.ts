import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from '@/machines/sim/scheduler';
import { createStreams } from '@/machines/sim/random';
import { addWorkingMinutes, formatClock, formatDuration, isWorkingTime, lastWorkdayOnOrBefore, nextWorkingTime } from '@/machines/sim/calendar';

describe('virtual clock', () => {
  it('fires timers in time order, and same-time timers in the order they were set', () => {
    const clock = new VirtualClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('b@10'), 10);
    clock.setTimeout(() => fired.push('a@5'), 5);
    clock.setTimeout(() => fired.push('c@10'), 10);
    clock.advanceTo(20);
    expect(fired).toEqual(['a@5', 'b@10', 'c@10']);
    expect(clock.now()).toBe(20);
  });

  it('never fires a cleared timer', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    const id = clock.setTimeout(() => fired.push(1), 5);
    clock.setTimeout(() => fired.push(2), 6);
    clock.clearTimeout(id);
    clock.advanceTo(10);
    expect(fired).toEqual([2]);
    expect(clock.pending).toBe(0);
  });

  it('runs timers that timers set, within the same advance', () => {
    const clock = new VirtualClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 3);
    }, 2);
    clock.advanceTo(10);
    expect(fired).toEqual([2, 5]);
  });

  it('always fires in nondecreasing time, whatever the schedule (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.boolean()), { maxLength: 300 }), (timers) => {
        const clock = new VirtualClock();
        const fired: number[] = [];
        const ids = timers.map(([at]) => clock.at(at, () => fired.push(clock.now())));
        let cancelled = 0;
        timers.forEach(([, cancel], i) => {
          if (cancel) {
            clock.clearTimeout(ids[i]!);
            cancelled++;
          }
        });
        clock.advanceTo(2000);
        expect(fired).toHaveLength(timers.length - cancelled);
        for (let i = 1; i < fired.length; i++) expect(fired[i]!).toBeGreaterThanOrEqual(fired[i - 1]!);
      }),
    );
  });
});

describe('seeded chance', () => {
  it('repeats itself for the same seed', () => {
    const a = createStreams(99);
    const b = createStreams(99);
    const draws = (s: typeof a) => Array.from({ length: 20 }, () => s.commits.next());
    expect(draws(a)).toEqual(draws(b));
  });

  it('keeps streams independent: drawing from one does not move another', () => {
    const a = createStreams(5);
    const b = createStreams(5);
    for (let i = 0; i < 100; i++) b.pipeline.next();
    expect(a.commits.next()).toBe(b.commits.next());
  });

  it('draws inside the asked ranges', () => {
    const { people } = createStreams(3);
    for (let i = 0; i < 1000; i++) {
      const x = people.between(30, 90);
      expect(x).toBeGreaterThanOrEqual(30);
      expect(x).toBeLessThan(90);
      const k = people.int(1, 3);
      expect([1, 2, 3]).toContain(k);
    }
  });

  it('has the requested mean for Poisson counts', () => {
    const { commits } = createStreams(8);
    let sum = 0;
    for (let i = 0; i < 5000; i++) sum += commits.poisson(12);
    expect(sum / 5000).toBeCloseTo(12, 0);
  });
});

describe('working calendar', () => {
  const at = (day: number, h: number, m = 0) => day * 1440 + h * 60 + m;

  it('knows working hours Monday to Friday, 09:00-17:00', () => {
    expect(isWorkingTime(at(0, 9))).toBe(true);
    expect(isWorkingTime(at(0, 16, 59))).toBe(true);
    expect(isWorkingTime(at(0, 17))).toBe(false);
    expect(isWorkingTime(at(5, 10))).toBe(false);
  });

  it('finds the next working minute across nights and weekends', () => {
    expect(nextWorkingTime(at(0, 8))).toBe(at(0, 9));
    expect(nextWorkingTime(at(0, 18))).toBe(at(1, 9));
    expect(nextWorkingTime(at(4, 18))).toBe(at(7, 9));
  });

  it('adds working time only', () => {
    expect(addWorkingMinutes(at(0, 16), 90)).toBe(at(1, 9, 30));
    expect(addWorkingMinutes(at(4, 16, 30), 60)).toBe(at(7, 9, 30));
    expect(addWorkingMinutes(at(6, 12), 30)).toBe(at(7, 9, 30));
  });

  it('moves a release day off the weekend', () => {
    expect(lastWorkdayOnOrBefore(89)).toBe(88);
    expect(lastWorkdayOnOrBefore(6)).toBe(4);
    expect(lastWorkdayOnOrBefore(3)).toBe(3);
  });

  it('says times and durations the way a trainer would', () => {
    expect(formatClock(at(8, 14, 5))).toBe('Tue 14:05, day 9');
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(192)).toBe('3.2 h');
    expect(formatDuration(60 * 24 * 12.5)).toBe('12.5 days');
  });
});

describe('large Poisson means', () => {
  it('stays accurate for a thousand commits a day', () => {
    const { commits } = createStreams(4);
    let sum = 0;
    for (let i = 0; i < 2000; i++) sum += commits.poisson(1000);
    expect(sum / 2000).toBeGreaterThan(990);
    expect(sum / 2000).toBeLessThan(1010);
  });
});
