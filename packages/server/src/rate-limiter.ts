import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors';
import type { RateWindow, ResolvedLimits } from './limits';
import type { Logger } from './logger';
import { redisHealthOf } from './redis-health';

/** Counts a request against a bucket; throws {@link RateLimitedError} past the limit. */
export type ConsumeFn = (bucket: string) => Promise<void>;

/**
 * Longest a request waits for Redis to count it. A Redis that accepts connections but stops
 * answering (a partition, a frozen host) would otherwise hold every request forever; past
 * this the request is counted in memory instead. Redis answers in about a millisecond.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 50;

class RedisTimeoutError extends Error {
  override readonly name = 'RedisTimeoutError' as const;
  constructor() {
    super(`Redis did not answer within ${REDIS_COMMAND_TIMEOUT_MS} ms`);
  }
}

/** Settles like `promise`, or rejects with a timeout first; a late outcome is dropped. */
function withinBound<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RedisTimeoutError()), REDIS_COMMAND_TIMEOUT_MS);
  });
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function consumeIn(limiter: RateLimiterMemory | RateLimiterRedis, bucket: string) {
  try {
    await limiter.consume(bucket);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
    }
    throw error;
  }
}

/**
 * Wraps a consume function so `onRefused` hears of each refusal (for the metrics).
 * @example countRefusals(perIp, () => metrics.countRefusal('ip'))
 */
export function countRefusals(consume: ConsumeFn, onRefused?: () => void): ConsumeFn {
  if (!onRefused) return consume;
  return async (bucket) => {
    try {
      await consume(bucket);
    } catch (error) {
      if (error instanceof RateLimitedError) onRefused();
      throw error;
    }
  };
}

/**
 * Makes a consume function for one window, or a no-op when the window is `false`. With
 * `limits.redis`, counters are shared through Redis; while Redis fails or takes longer than
 * {@link REDIS_COMMAND_TIMEOUT_MS}, the same limit is enforced per instance in memory (logged
 * once), and Redis is tried again each second until it answers (logged once).
 *
 * @example
 * const perIp = createConsumer(limits.perIp, 'rapport:ip', limits, logger);
 * await perIp('203.0.113.7'); // throws RateLimitedError (429) past the limit
 */
export function createConsumer(
  window: RateWindow | false,
  keyPrefix: string,
  limits: ResolvedLimits,
  logger: Logger,
): ConsumeFn {
  if (!window) return async () => {};
  const options = { points: window.points, duration: window.durationSeconds, keyPrefix };
  const memory = new RateLimiterMemory(options);
  if (!limits.redis) return (bucket) => consumeIn(memory, bucket);
  // rejectIfRedisNotReady: while ioredis reconnects, fail at once instead of queueing.
  const shared = new RateLimiterRedis({
    ...options,
    storeClient: limits.redis,
    rejectIfRedisNotReady: true,
  });
  const health = redisHealthOf(limits.redis, logger);
  return async (bucket) => {
    if (health.shouldTry()) {
      try {
        await withinBound(consumeIn(shared, bucket));
        health.succeeded();
        return;
      } catch (error) {
        if (error instanceof RateLimitedError) {
          health.succeeded();
          throw error;
        }
        health.failed(error);
      }
    }
    await consumeIn(memory, bucket);
  };
}
