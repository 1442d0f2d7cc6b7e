import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app';
import type { Logger } from '../src/logger';
import { REDIS_COMMAND_TIMEOUT_MS } from '../src/rate-limiter';
import { createRedisClient } from '../src/redis-client';
import { REDIS_PROBE_INTERVAL_MS } from '../src/redis-health';
import type { OpenedDatabase } from './helpers/databases';
import { databases } from './helpers/databases';
import { testRedis } from './helpers/redis';
import { send } from './helpers/requests';
import { createTcpProxy, type TcpProxy } from './helpers/tcp-proxy';
import { createTestClock, seedProjects } from './helpers/test-app';

const direct = await testRedis();
afterAll(() => direct?.disconnect());

/** Time one request may take while Redis is silent: the bound plus the app's own work. */
const ANSWER_BOUND_MS = REDIS_COMMAND_TIMEOUT_MS + 150;
const LIMIT = 5;

function recordingLogger() {
  const lines: Array<{ level: string; message: string }> = [];
  const record = (level: string) => (message: string) => {
    lines.push({ level, message });
  };
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  const about = (level: string) =>
    lines.filter((line) => line.level === level && line.message.includes('redis')).length;
  return { logger, about };
}

const pglite = databases.filter((database) => database.name === 'pglite');

describe.skipIf(!direct).each(pglite)(
  'rate limits over a Redis that goes silent ($name)',
  (database) => {
    let opened: OpenedDatabase;
    const url = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    let proxy: TcpProxy;
    const clients: Redis[] = [];

    beforeAll(async () => {
      proxy = await createTcpProxy(url.hostname, Number(url.port || 6379));
      opened = await database.open();
      await seedProjects(opened.store);
    }, 120_000);
    afterEach(async () => {
      vi.useRealTimers();
      await proxy.restore();
      for (const client of clients.splice(0)) client.disconnect();
    });
    afterAll(async () => {
      await proxy?.close();
      await opened?.close();
    });

    async function appOver(redis: Redis) {
      clients.push(redis);
      if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
      const keyPrefix = `rapport-test-${randomBytes(4).toString('hex')}`;
      const log = recordingLogger();
      const app = createApp({
        store: opened.store,
        clock: createTestClock(),
        logger: log.logger,
        limits: {
          perPublishableKey: { points: LIMIT, durationSeconds: 60 },
          perIp: false,
          redis,
          keyPrefix,
        },
      });
      const counted = async () => Number(await direct?.get(`${keyPrefix}:key:pk:proj_test`));
      return { app, log, counted };
    }

    async function timed(app: Awaited<ReturnType<typeof appOver>>['app']) {
      const startedAt = Date.now();
      const res = await send(app, 'GET', '/v1/config');
      return { status: res.status, ms: Date.now() - startedAt };
    }

    it('answers within the bound, limits in memory, logs once, and goes back to Redis when it answers', async () => {
      // A client as an embedder might pass it: no command timeout of its own.
      const redis = new Redis(`redis://127.0.0.1:${proxy.port}`, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      });
      redis.on('error', () => {});
      const { app, log, counted } = await appOver(redis);
      expect((await timed(app)).status).toBe(200);
      expect((await timed(app)).status).toBe(200);
      expect(await counted()).toBe(2);

      proxy.stall();
      const during = [];
      for (let i = 0; i <= LIMIT; i += 1) during.push(await timed(app));
      for (const answer of during) expect(answer.ms).toBeLessThan(ANSWER_BOUND_MS);
      // Redis's count is unknown while it is silent; this instance alone enforces the limit.
      expect(during.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 429]);
      expect(log.about('warn')).toBe(1);
      expect(log.about('info')).toBe(0);

      await proxy.restore();
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + REDIS_PROBE_INTERVAL_MS + 1);
      // The next request probes Redis, which answers: counting is shared again. (The command
      // sent as the stall began is delivered late and counted too, so Redis's count is read
      // after the probe.)
      await timed(app);
      const before = await counted();
      expect(before).toBeGreaterThanOrEqual(3);
      await timed(app);
      expect(await counted()).toBe(before + 1);
      expect(log.about('info')).toBe(1);
      expect(log.about('warn')).toBe(1);
    }, 15_000);

    it('falls back at once while Redis is gone, and recovers when it is back', async () => {
      const { app, log, counted } = await appOver(
        createRedisClient(`redis://127.0.0.1:${proxy.port}`),
      );
      expect((await timed(app)).status).toBe(200);
      expect(await counted()).toBe(1);

      await proxy.cut();
      const during = [];
      for (let i = 0; i < 3; i += 1) during.push(await timed(app));
      expect(during.map((answer) => answer.status)).toEqual([200, 200, 200]);
      for (const answer of during) expect(answer.ms).toBeLessThan(ANSWER_BOUND_MS);
      expect(log.about('warn')).toBe(1);

      await proxy.restore();
      const redis = clients[0] as Redis;
      if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + REDIS_PROBE_INTERVAL_MS + 1);
      // The probe is counted in Redis again, and so is each request after it.
      expect((await timed(app)).status).toBe(200);
      const before = await counted();
      expect(before).toBeGreaterThan(1);
      expect((await timed(app)).status).toBe(200);
      expect(await counted()).toBe(before + 1);
      expect(log.about('info')).toBe(1);
    }, 15_000);
  },
);
