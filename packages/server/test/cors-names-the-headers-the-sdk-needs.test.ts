import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { ORIGIN, useTestApp } from './helpers/test-app';

/** Headers the SDK and the widget send from a browser; a preflight must allow each one. */
const SENT = [
  'authorization',
  'content-type',
  'x-request-id',
  'x-rapport-device-secret',
  'if-none-match',
];
/** Headers the SDK reads from cross-origin answers; the browser hides any not exposed. */
const READ = ['retry-after', 'x-request-id', 'etag'];

const listed = (value: string | null) =>
  (value ?? '').split(',').map((name) => name.trim().toLowerCase());

describe.each(databases)('CORS headers on $name', (database) => {
  const ctx = useTestApp(database);

  it('a preflight from an allowed origin allows GET and POST and every header the SDK sends', async () => {
    for (const method of ['GET', 'POST']) {
      const preflight = await ctx.app.request('/v1/inbox/unread?key=pk_test', {
        method: 'OPTIONS',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': method,
          'access-control-request-headers': SENT.join(', '),
        },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
      expect(listed(preflight.headers.get('access-control-allow-methods'))).toContain(
        method.toLowerCase(),
      );
      expect(listed(preflight.headers.get('access-control-allow-headers'))).toEqual(
        expect.arrayContaining(SENT),
      );
    }
  });

  it('an answer to an allowed origin exposes Retry-After, X-Request-Id and ETag', async () => {
    const res = await ctx.app.request('/v1/config', {
      headers: { origin: ORIGIN, authorization: 'Bearer pk_test' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(listed(res.headers.get('access-control-expose-headers'))).toEqual(
      expect.arrayContaining(READ),
    );
  });

  it('a request without Origin gets no CORS headers', async () => {
    const res = await ctx.app.request('/v1/config', {
      headers: { authorization: 'Bearer pk_test' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    // Nor does an OPTIONS request without Origin, which is no preflight: it is not refused.
    const options = await ctx.app.request('/v1/config?key=pk_test', { method: 'OPTIONS' });
    expect(options.status).toBeLessThan(400);
    expect(options.headers.get('access-control-allow-origin')).toBeNull();
  });
});
