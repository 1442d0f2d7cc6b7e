import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { ORIGIN, useTestApp } from './helpers/test-app';

/** Origins that resemble the allowed https://shop.example without being it. */
const HOSTILE = [
  'https://shop.example.evil.test',
  'https://shop.examplex',
  'https://evil.test/https://shop.example',
  'https://shop.example:8443',
  'http://shop.example',
  'https://sub.shop.example',
  'null',
];

describe.each(databases)('CORS origins on $name', (database) => {
  const ctx = useTestApp(database);

  it('refuses every origin that only resembles an allowed one, stores nothing, and varies on Origin', async () => {
    for (const origin of HOSTILE) {
      const res = await send(
        ctx.app,
        'POST',
        '/v1/batch',
        { messages: [message('page')] },
        {
          origin,
        },
      );
      expect(res.status, origin).toBe(403);
      expect(res.body.error.code, origin).toBe('origin_not_allowed');
      expect(res.headers.get('vary'), origin).toMatch(/\bOrigin\b/);
      const preflight = await ctx.app.request('/v1/batch?key=pk_test', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(preflight.status, origin).toBe(403);
    }
    expect(await ctx.store.db.selectFrom('events').select('id').execute()).toEqual([]);
  });

  it('answers the allowed origin, its preflight and a request without Origin, each varying on Origin when it echoes one', async () => {
    const allowed = await send(
      ctx.app,
      'POST',
      '/v1/batch',
      { messages: [message('page')] },
      {
        origin: ORIGIN,
      },
    );
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('vary')).toMatch(/\bOrigin\b/);

    const preflight = await ctx.app.request('/v1/batch?key=pk_test', {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-rapport-device-secret',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(
      /x-rapport-device-secret/i,
    );
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    expect(preflight.headers.get('vary')).toMatch(/\bOrigin\b/);

    // A server or curl sends no Origin: no CORS headers, and the key alone decides.
    const server = await send(ctx.app, 'POST', '/v1/batch', { messages: [message('page')] });
    expect(server.status).toBe(200);
    expect(server.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a preflight without a key (it carries no Authorization), and refuses its request', async () => {
    const origin = HOSTILE[0]!;
    const preflight = await ctx.app.request('/v1/batch', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    const res = await send(
      ctx.app,
      'POST',
      '/v1/batch',
      { messages: [message('page')] },
      {
        origin,
      },
    );
    expect(res.status).toBe(403);
  });
});
