import { nextBackoffDelay } from './backoff';

/**
 * When the outbox may send next: the failed attempts in a row, how long a server's
 * `Retry-After` still forbids sending, and the one timer that brings the next try.
 */
export interface RetryClock {
  /** A send failed: try again after `retryAfterMs` (the server's) or the next jittered back-off. */
  backOff(retryAfterMs?: number): void;
  /** Tries again in `delay` ms, replacing the timer already set. */
  schedule(delay: number): void;
  /** Drops the timer, if any. */
  cancel(): void;
  /** True while a try is scheduled. */
  isScheduled(): boolean;
  /** True once a send failed, until {@link RetryClock.resetAttempts}. */
  isFailing(): boolean;
  /** A send got a definite answer (or the network is back): back-off starts from its base. */
  resetAttempts(): void;
  /** Milliseconds the server's `Retry-After` still forbids sending. */
  waitLeft(): number;
}

/**
 * Creates the retry clock. Back-off waits are jittered between 0 and `min(capMs, baseMs × 2^n)`
 * (see {@link nextBackoffDelay}); `onDue` runs when a scheduled try is due. Its timer never
 * keeps a Node process alive.
 */
export function createRetryClock(
  now: () => number,
  baseMs: number,
  capMs: number,
  onDue: () => void,
): RetryClock {
  let attempt = 0;
  let blockedUntil = 0;
  let blockedFor = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onDue();
    }, delay);
    // In Node (server-side rendering, in-process tests) a pending retry must not keep the
    // process alive; browsers return a number and skip this.
    (timer as { unref?: () => void }).unref?.();
  };

  return {
    backOff(retryAfterMs) {
      if (retryAfterMs !== undefined) {
        blockedUntil = now() + retryAfterMs;
        blockedFor = retryAfterMs;
      }
      schedule(retryAfterMs ?? nextBackoffDelay(attempt, baseMs, capMs));
      attempt++;
    },
    schedule,
    cancel,
    isScheduled: () => timer !== undefined,
    isFailing: () => attempt > 0,
    resetAttempts() {
      attempt = 0;
    },
    waitLeft() {
      const left = blockedUntil - now();
      // The wall clock was set back: never wait longer than the server asked for.
      if (left > blockedFor) blockedUntil = now() + blockedFor;
      return Math.max(0, Math.min(left, blockedFor));
    },
  };
}
