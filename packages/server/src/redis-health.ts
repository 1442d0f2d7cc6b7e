import type Redis from 'ioredis';
import type { Logger } from './logger';

/** Whether to ask Redis now, shared by every limiter on one client. */
export interface RedisHealth {
  /** True when the next call should go to Redis: it answers, or a probe is due. */
  shouldTry(): boolean;
  /** Redis answered in time. */
  succeeded(): void;
  /** Redis failed or did not answer in time. */
  failed(error: unknown): void;
}

/**
 * While Redis is down, one call a second tries it again; the others go straight to the
 * per-instance fallback instead of each waiting for its own timeout.
 */
export const REDIS_PROBE_INTERVAL_MS = 1_000;

const healthByClient = new WeakMap<Redis, RedisHealth>();

/**
 * A small circuit breaker: the first failure switches to the fallback and is logged once;
 * while down, {@link REDIS_PROBE_INTERVAL_MS} paces the retries; the first success switches
 * back and is logged once. One per Redis client, so the per-key and per-IP limiters (and
 * several apps on one client) agree and log one line per outage, not one per request.
 */
export function redisHealthOf(redis: Redis, logger: Logger): RedisHealth {
  const known = healthByClient.get(redis);
  if (known) return known;
  let up = true;
  let nextProbeAt = 0;
  const health: RedisHealth = {
    shouldTry() {
      if (up) return true;
      const now = Date.now();
      if (now < nextProbeAt) return false;
      nextProbeAt = now + REDIS_PROBE_INTERVAL_MS;
      return true;
    },
    succeeded() {
      if (up) return;
      up = true;
      logger.info('redis answers again; rate limits are shared again');
    },
    failed(error) {
      nextProbeAt = Date.now() + REDIS_PROBE_INTERVAL_MS;
      if (!up) return;
      up = false;
      logger.warn('redis is not answering; rate limits are per instance until it does', {
        error: error instanceof Error ? error.message : String(error),
      });
    },
  };
  healthByClient.set(redis, health);
  return health;
}
