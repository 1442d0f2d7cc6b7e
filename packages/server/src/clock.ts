/**
 * Where the server reads the time. Inject a fixed or stepping clock in tests.
 *
 * @example
 * const clock: Clock = () => new Date('2026-01-01T00:00:00Z');
 */
export type Clock = () => Date;

/** The wall clock. */
export const systemClock: Clock = () => new Date();

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;
