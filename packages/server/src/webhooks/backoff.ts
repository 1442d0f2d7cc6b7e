/**
 * How long to wait after each failed attempt before the next: the first retry within 10 s (a
 * receiver restarting), then wider gaps, 8 attempts in all over about 22 hours — close to the
 * schedule the Standard Webhooks authors (Svix) use, so receivers see what they expect.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  60_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  14 * 3_600_000,
];

/**
 * The wait after the `attempts`-th failed attempt, or undefined when that was the last one.
 *
 * @example nextAttemptDelay(1) // 5_000: the first retry comes 5 s after the first attempt
 */
export function nextAttemptDelay(
  attempts: number,
  delays: readonly number[] = RETRY_DELAYS_MS,
): number | undefined {
  return attempts >= 1 ? delays[attempts - 1] : 0;
}
