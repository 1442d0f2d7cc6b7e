import { describe, expect, it } from 'vitest';
import { ApiError, createApiClient, errorText } from '../src/api/client';
import { errorBody, HttpResponse, http, useMsw } from './msw';

describe('the console HTTP client', () => {
  const server = useMsw();
  const client = createApiClient({ csrfToken: () => 'tok-123' });

  it('sends the CSRF token on writes and the project header on admin calls, not the token on reads', async () => {
    const seen: Record<string, string | null>[] = [];
    server.use(
      http.all('*/v1/admin/feedback', ({ request }) => {
        seen.push({
          method: request.method,
          csrf: request.headers.get('x-csrf-token'),
          project: request.headers.get('x-rapport-project'),
          type: request.headers.get('content-type'),
        });
        return HttpResponse.json({ ok: true });
      }),
    );
    await client.request('/v1/admin/feedback', { project: 'p1' });
    await client.request('/v1/admin/feedback', { method: 'POST', body: { a: 1 }, project: 'p1' });
    expect(seen).toEqual([
      { method: 'GET', csrf: null, project: 'p1', type: null },
      { method: 'POST', csrf: 'tok-123', project: 'p1', type: 'application/json' },
    ]);
  });

  it('leaves out empty query values', async () => {
    let url = '';
    server.use(
      http.get('*/v1/admin/feedback', ({ request }) => {
        url = request.url;
        return HttpResponse.json({});
      }),
    );
    await client.request('/v1/admin/feedback', {
      query: { q: 'refund', status: undefined, category: '', hasEmail: false },
    });
    expect(new URL(url).search).toBe('?q=refund&hasEmail=false');
  });

  it('maps an error body to an ApiError with its code, message and Retry-After', async () => {
    server.use(
      http.post('*/v1/console/sign-in', () =>
        errorBody(429, 'rate_limited', 'Slow down', { 'retry-after': '37' }),
      ),
    );
    const error = await client
      .request('/v1/console/sign-in', { method: 'POST', body: {} })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, retryAfter: 37 });
    expect(errorText(error)).toBe('Too many attempts, try again in 37 s.');
  });

  it('turns an HTML error page and a network failure into sentences, never a stack', async () => {
    server.use(
      http.get(
        '*/v1/console/session',
        () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502 }),
      ),
      http.get('*/v1/console/status', () => HttpResponse.error()),
    );
    const page = await client.request('/v1/console/session').catch((e: unknown) => e);
    expect(page).toMatchObject({ code: 'http', status: 502 });
    const network = await client.request('/v1/console/status').catch((e: unknown) => e);
    expect(network).toMatchObject({ code: 'network', status: 0 });
    expect(errorText(network)).toBe('The server cannot be reached. Check your connection.');
    expect(errorText(new TypeError('x is undefined'))).not.toMatch(/undefined|TypeError/);
  });

  it('reports a 401 so the app can show sign-in', async () => {
    const reported: ApiError[] = [];
    const watched = createApiClient({
      csrfToken: () => undefined,
      onUnauthorized: (e) => reported.push(e),
    });
    server.use(http.get('*/v1/console/session', () => errorBody(401, 'unauthorized', 'Sign in')));
    await expect(watched.request('/v1/console/session')).rejects.toThrow('Sign in');
    expect(reported.map((e) => e.code)).toEqual(['unauthorized']);
  });
});
