/** A bucket unit of a series (UTC; weeks start on Monday, months on the 1st). */
export type BucketUnit = 'day' | 'week' | 'month';

/** The start of the bucket after `start` (UTC; months by calendar). */
export function nextBucket(start: Date, unit: BucketUnit): Date {
  const next = new Date(start);
  if (unit === 'month') next.setUTCMonth(next.getUTCMonth() + 1);
  else next.setUTCDate(next.getUTCDate() + (unit === 'week' ? 7 : 1));
  return next;
}

/**
 * Adds the buckets without answers between the first and the last one, each made by
 * `empty(start)`, so a chart of the series does not silently skip a quiet week.
 */
export function withEmptyBuckets<T extends { start: string }>(
  points: T[],
  unit: BucketUnit,
  empty: (start: string) => T,
): T[] {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return points;
  const byStart = new Map(points.map((point) => [point.start, point]));
  const filled: T[] = [];
  const end = Date.parse(last.start);
  for (let at = new Date(first.start); at.getTime() <= end; at = nextBucket(at, unit)) {
    const start = at.toISOString();
    filled.push(byStart.get(start) ?? empty(start));
  }
  return filled;
}
