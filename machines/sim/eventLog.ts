import type { LoggedEvent } from '../events';

/** Index of the first event with seq > `seq` (the log is ordered by seq). */
export function indexAfterSeq(log: readonly LoggedEvent[], seq: number): number {
  let lo = 0;
  let hi = log.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (log[mid]!.seq <= seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
