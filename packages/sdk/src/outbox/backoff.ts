/** Longest wait the SDK accepts from a `Retry-After` header: one day. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Delay before retry number `attempt` (0 for the first): capped exponential backoff with
 * full jitter, `random() × min(cap, base × 2^attempt)`. Full jitter spreads the retries of
 * many clients that failed together (an outage) instead of bringing them back in waves.
 * See https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function nextBackoffDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds a `Retry-After` header asks to wait: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3). `undefined` when absent or unreadable; never negative, at most a day.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  // A blank value falls through to Date.parse, which reads it as NaN.
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}
