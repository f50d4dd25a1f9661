/**
 * The first index in [0, count) at which `before(i)` is false, for a predicate that is true for a
 * prefix of the range and false after it (a sorted list searched for the first entry at or after a
 * key); count when it is true everywhere.
 */
export function lowerBound(count: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
