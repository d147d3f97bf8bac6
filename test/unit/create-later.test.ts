import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLater } from '@/components/ui/createLater';

/** The comparison's charts are created one per task (components/charts/UPlotChart.tsx, `stagger`). */
describe('createLater', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs nothing in the task that queues, then one piece of work per task, oldest first', () => {
    const done: number[] = [];
    for (const n of [1, 2, 3]) createLater(() => done.push(n));
    expect(done).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1, 2]);
    vi.advanceTimersToNextTimer();
    expect(done).toEqual([1, 2, 3]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('drops work taken off the queue (a chart unmounted before it was drawn)', () => {
    const done: string[] = [];
    createLater(() => done.push('a'));
    const cancel = createLater(() => done.push('b'));
    createLater(() => done.push('c'));
    cancel();
    vi.runAllTimers();
    expect(done).toEqual(['a', 'c']);
    // Queued again later, work starts a new round of tasks.
    createLater(() => done.push('d'));
    vi.runAllTimers();
    expect(done).toEqual(['a', 'c', 'd']);
  });
});
