import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { silentLogger } from '../src/logger';
import { databases } from './helpers/databases';
import { testRedis } from './helpers/redis';
import { send } from './helpers/requests';
import { OTHER_PK, useTestApp } from './helpers/test-app';

const redis = await testRedis();
afterAll(() => redis?.disconnect());

describe.each(databases)('rate limits on $name', (database) => {
  const ctx = useTestApp(database);

  function appWith(limits: Parameters<typeof createApp>[0]['limits']) {
    return createApp({ store: ctx.store, clock: ctx.clock, logger: silentLogger, limits });
  }

  it('answers 429 with Retry-After past the per-key limit, leaving other keys alone', async () => {
    const app = appWith({ perPublishableKey: { points: 3, durationSeconds: 60 }, perIp: false });
    for (let i = 0; i < 3; i += 1) expect((await send(app, 'GET', '/v1/config')).status).toBe(200);
    const limited = await send(app, 'GET', '/v1/config');
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    const other = await send(app, 'GET', '/v1/config', undefined, { key: OTHER_PK });
    expect(other.status).toBe(200);
  });

  it('limits per client IP (behind a trusted proxy)', async () => {
    const app = appWith({
      perKey: false,
      perIp: { points: 2, durationSeconds: 60 },
      trustProxy: true,
    });
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    expect((await send(app, 'GET', '/v1/config', undefined, from('203.0.113.1'))).status).toBe(200);
    expect((await send(app, 'GET', '/v1/config', undefined, from('203.0.113.1'))).status).toBe(200);
    const limited = await send(app, 'GET', '/v1/config', undefined, from('203.0.113.1'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect((await send(app, 'GET', '/v1/config', undefined, from('203.0.113.2'))).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless the proxy is trusted, so a client cannot pick its IP', async () => {
    const app = appWith({ perKey: false, perIp: { points: 2, durationSeconds: 60 } });
    const statuses: number[] = [];
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
      const headers = { 'x-forwarded-for': ip };
      statuses.push((await send(app, 'GET', '/v1/config', undefined, { headers })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('gives a browser the CORS headers on a 429, so the SDK can read Retry-After', async () => {
    const app = appWith({ perPublishableKey: { points: 1, durationSeconds: 60 }, perIp: false });
    const origin = { origin: 'https://shop.example' };
    await send(app, 'GET', '/v1/config', undefined, origin);
    const limited = await send(app, 'GET', '/v1/config', undefined, origin);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it.skipIf(!redis)('shares counters between instances through Redis', async () => {
    const keyPrefix = `rapport-test-${randomBytes(4).toString('hex')}`;
    const limits = {
      perPublishableKey: { points: 4, durationSeconds: 60 },
      perIp: false as const,
      redis,
      keyPrefix,
    };
    const first = appWith(limits);
    const second = appWith(limits);
    expect((await send(first, 'GET', '/v1/config')).status).toBe(200);
    expect((await send(second, 'GET', '/v1/config')).status).toBe(200);
    expect((await send(first, 'GET', '/v1/config')).status).toBe(200);
    expect((await send(second, 'GET', '/v1/config')).status).toBe(200);
    const limited = await send(first, 'GET', '/v1/config');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await send(second, 'GET', '/v1/config', undefined, { key: OTHER_PK })).status).toBe(
      200,
    );
    expect(await redis?.exists(`${keyPrefix}:key:pk:proj_test`)).toBe(1);
  });
});
