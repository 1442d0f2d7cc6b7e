import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from './errors';
import type { RateWindow, ResolvedLimits } from './limits';
import type { Logger } from './logger';

/** Counts a request against a bucket; throws {@link RateLimitedError} past the limit. */
export type ConsumeFn = (bucket: string) => Promise<void>;

function createLimiter(
  window: RateWindow,
  keyPrefix: string,
  limits: ResolvedLimits,
): RateLimiterMemory | RateLimiterRedis {
  const options = { points: window.points, duration: window.durationSeconds, keyPrefix };
  if (!limits.redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: limits.redis,
    // If Redis is unreachable, limit per instance instead of failing requests.
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/**
 * Makes a consume function for one window, or a no-op when the window is `false`.
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
  const limiter = createLimiter(window, keyPrefix, limits);
  return async (bucket) => {
    try {
      await limiter.consume(bucket);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        throw new RateLimitedError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      }
      // A store failure must not turn into a 5xx for the client: let the request through.
      logger.warn('rate limiter unavailable', { error: String(error) });
    }
  };
}
