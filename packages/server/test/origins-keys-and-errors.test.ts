import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { ORIGIN, SK, useTestApp } from './helpers/test-app';

describe.each(databases)('keys, origins and error shape on $name', (database) => {
  const ctx = useTestApp(database);

  it('answers /health without a key', async () => {
    const res = await send(ctx.app, 'GET', '/health', undefined, { key: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('serves the widget config for the key, and 401 without or with a wrong key', async () => {
    const ok = await send(ctx.app, 'GET', '/v1/config');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ projectName: 'Test Shop', panels: expect.any(Array) });
    const none = await send(ctx.app, 'GET', '/v1/config', undefined, { key: null });
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'unauthorized' });
    expect(none.body.error.message).toMatch(/^Missing publishable key: send Authorization/);
    const wrong = await send(ctx.app, 'GET', '/v1/config', undefined, { key: 'pk_nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe('Unknown publishable key.');
    const secret = await send(ctx.app, 'GET', '/v1/config', undefined, { key: SK });
    expect(secret.status).toBe(401);
  });

  it('gives an allowed origin CORS headers, and answers its preflight', async () => {
    const res = await send(
      ctx.app,
      'POST',
      '/v1/batch',
      { messages: [message('page')] },
      {
        origin: ORIGIN,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toContain('Retry-After');
    const preflight = await ctx.app.request('/v1/batch?key=pk_test', {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  });

  it('refuses another origin with 403 origin_not_allowed, storing nothing', async () => {
    const evil = 'https://evil.example';
    const res = await send(
      ctx.app,
      'POST',
      '/v1/batch',
      { messages: [message('page')] },
      {
        origin: evil,
      },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_not_allowed');
    expect(res.body.error.message).toBe(
      "Origin https://evil.example is not in this project's allowed origins.",
    );
    // Readable by the refused page, so the SDK can say "origin not allowed", not "offline".
    expect(res.headers.get('access-control-allow-origin')).toBe(evil);
    expect(res.headers.get('vary')).toContain('Origin');
    const preflight = await ctx.app.request('/v1/batch?key=pk_test', {
      method: 'OPTIONS',
      headers: { origin: evil, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    const stored = await ctx.store.db.selectFrom('events').select('id').execute();
    expect(stored).toEqual([]);
  });

  it('names a refused origin in a bounded message, however long the header', async () => {
    const long = `https://${'a'.repeat(300)}.example`;
    const res = await send(ctx.app, 'GET', '/v1/config', undefined, { origin: long });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      `Origin ${long.slice(0, 200)} is not in this project's allowed origins.`,
    );
  });

  it('keeps admin routes away from browsers: no CORS headers, Origin refused', async () => {
    const fromServer = await send(ctx.app, 'GET', '/v1/admin/surveys', undefined, { key: SK });
    expect(fromServer.status).toBe(200);
    const fromPage = await send(ctx.app, 'GET', '/v1/admin/surveys', undefined, {
      key: SK,
      origin: ORIGIN,
    });
    expect(fromPage.status).toBe(403);
    expect(fromPage.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await ctx.app.request('/v1/admin/surveys', {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a publishable key on admin routes and a secret key missing', async () => {
    const pk = await send(ctx.app, 'GET', '/v1/admin/surveys');
    expect(pk.status).toBe(403);
    expect(pk.body.error.code).toBe('forbidden');
    const none = await send(ctx.app, 'GET', '/v1/admin/surveys', undefined, { key: null });
    expect(none.status).toBe(401);
    const wrong = await send(ctx.app, 'GET', '/v1/admin/surveys', undefined, { key: 'sk_x' });
    expect(wrong.status).toBe(401);
  });

  it('answers unknown routes with 404 in the error shape', async () => {
    const res = await send(ctx.app, 'GET', '/nope', undefined, { key: null });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
