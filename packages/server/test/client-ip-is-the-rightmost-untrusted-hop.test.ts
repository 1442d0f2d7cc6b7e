import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import type { LimitsOptions } from '../src/limits';
import { silentLogger } from '../src/logger';
import { type NodeServer, startNodeServer } from '../src/node-server';
import { databases } from './helpers/databases';
import { PK, useTestApp } from './helpers/test-app';

/** What a client behind the operator's proxy may write itself, different each time. */
const forged = (i: number) => `203.0.113.${100 + i}`;
const CLIENT = '198.51.100.7';

describe.each(databases)('the client IP behind proxies on $name', (database) => {
  const ctx = useTestApp(database);
  let node: NodeServer | undefined;
  afterEach(async () => {
    await node?.close();
    node = undefined;
  });

  function appWith(trustProxy: LimitsOptions['trustProxy']) {
    return createApp({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      limits: {
        perKey: false,
        perPublishableKey: false,
        perIp: { points: 3, durationSeconds: 60 },
        trustProxy,
      },
    });
  }

  /** In-process request as @hono/node-server would hand it over from a socket at `peer`. */
  async function statusFrom(app: ReturnType<typeof appWith>, peer: string, forwardedFor: string) {
    const headers = { authorization: `Bearer ${PK}`, 'x-forwarded-for': forwardedFor };
    const env = { incoming: { socket: { remoteAddress: peer } } };
    return (await app.request('/v1/config', { headers }, env)).status;
  }

  it('behind nginx on the same host (loopback), a forged header gets 429 on the fourth request', async () => {
    const app = appWith('loopback');
    const listening = new Promise<number>((resolve) => {
      node = startNodeServer({
        fetch: app.fetch,
        port: 0,
        hostname: '127.0.0.1',
        onListening: (info) => resolve(info.port),
      });
    });
    const port = await listening;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      // nginx's `proxy_add_x_forwarded_for` appends the peer it saw to what the client sent.
      const headers = {
        authorization: `Bearer ${PK}`,
        'x-forwarded-for': `${forged(i)}, ${CLIENT}`,
      };
      const res = await fetch(`http://127.0.0.1:${port}/v1/config`, { headers });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429, 429, 429]);
  });

  it('with a hop count, skips exactly that many proxies from the right', async () => {
    const app = appWith(2);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(await statusFrom(app, '10.0.0.2', `${forged(i)}, ${CLIENT}, 10.0.0.1`));
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Another client behind the same two proxies has a budget of its own.
    expect(await statusFrom(app, '10.0.0.2', `${forged(9)}, 198.51.100.8, 10.0.0.1`)).toBe(200);
  });

  it('with a CIDR list, believes only hops inside it', async () => {
    const app = appWith(['10.0.1.0/24']);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push(await statusFrom(app, '10.0.1.5', `${forged(i)}, ${CLIENT}, 10.0.1.9`));
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    // A peer outside the list is the client itself, whatever header it sends.
    const outside: number[] = [];
    for (let i = 0; i < 4; i += 1) outside.push(await statusFrom(app, '192.0.2.50', forged(i)));
    expect(outside).toEqual([200, 200, 200, 429]);
  });

  it('without trust, reads no header at all', async () => {
    const app = appWith(false);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await statusFrom(app, '192.0.2.60', forged(i)));
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('refuses a trust entry that is neither an address, a CIDR nor a known name', () => {
    expect(() => appWith(['10.0.0.0/8', 'my-proxy'])).toThrow(/invalid IP address: my-proxy/);
  });
});
