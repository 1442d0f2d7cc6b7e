/** Small converters for values that `pg` and PGlite return in different shapes. */

/** A timestamp column as an ISO string (pg and PGlite both give Dates; be lenient anyway). */
export function isoOf(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** A count or bigint column as a number (`pg` returns int8 as a string, PGlite as a number). */
export function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : Number(value ?? 0);
}

/** A JSON column value (already parsed by both drivers; parsed here if it came back as text). */
export function jsonOf<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
