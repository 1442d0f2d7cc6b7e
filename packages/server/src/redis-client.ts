import Redis from 'ioredis';
import { REDIS_COMMAND_TIMEOUT_MS } from './rate-limiter';

/**
 * The Redis client the CLI shares rate limits through, with every wait bounded: commands time
 * out after {@link REDIS_COMMAND_TIMEOUT_MS}, connecting after 1 s, nothing is queued while
 * disconnected, and it reconnects by itself (every 2 s at most). Outages are reported once by
 * the rate limiter, which owns the fallback, so connection errors are not logged here.
 *
 * @example
 * const redis = createRedisClient(process.env.REDIS_URL!);
 */
export function createRedisClient(url: string): Redis {
  const redis = new Redis(url, {
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectTimeout: 1_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Finds a Redis host that vanished without closing the connection.
    keepAlive: 10_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Unheard, an 'error' event would crash the process on every reconnect attempt.
  redis.on('error', () => {});
  return redis;
}
