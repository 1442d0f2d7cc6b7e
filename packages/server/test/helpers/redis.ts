import Redis from 'ioredis';
import { servicesRequired } from './databases';

async function connect(url: string): Promise<Redis | undefined> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return client;
  } catch {
    client.disconnect();
    return undefined;
  }
}

/**
 * A Redis client for TEST_REDIS_URL, or undefined (with a visible SKIPPED message) when it is
 * not set or unreachable. With RAPPORT_REQUIRE_SERVICES=1 a missing Redis fails the run.
 */
export async function testRedis(): Promise<Redis | undefined> {
  const url = process.env.TEST_REDIS_URL;
  const client = url ? await connect(url) : undefined;
  if (client) return client;
  const why = url ? `TEST_REDIS_URL (${url}) is unreachable` : 'TEST_REDIS_URL is not set';
  if (servicesRequired) throw new Error(`RAPPORT_REQUIRE_SERVICES=1 but ${why}.`);
  console.warn(`[rapport] Redis rate-limit variant SKIPPED: ${why}.`);
  return undefined;
}
