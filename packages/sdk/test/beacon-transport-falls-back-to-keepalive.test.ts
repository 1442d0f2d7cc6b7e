import { afterEach, expect, test, vi } from 'vitest';
import { beaconTransport } from '../src/index';

afterEach(() => vi.unstubAllGlobals());

const request = { method: 'POST' as const, path: '/v1/batch', body: { messages: [] } };

test('sendBeacon gets a text/plain JSON body and the key in the URL; accepted means 202', async () => {
  const sendBeacon = vi.fn((_url: string, _body: string) => true);
  vi.stubGlobal('navigator', { sendBeacon });
  const response = await beaconTransport({ endpoint: 'https://r.test', key: 'pk_a b' }).send(
    request,
  );
  expect(response.status).toBe(202);
  expect(sendBeacon).toHaveBeenCalledWith(
    'https://r.test/v1/batch?key=pk_a%20b',
    '{"messages":[]}',
  );
});

test('without sendBeacon, or when it refuses, it falls back to fetch with keepalive', async () => {
  const fetch = vi.fn(
    async (_url: string, _init: RequestInit) => new Response(null, { status: 200 }),
  );
  vi.stubGlobal('fetch', fetch);
  vi.stubGlobal('navigator', { sendBeacon: () => false });
  const response = await beaconTransport({ endpoint: 'https://r.test', key: 'pk_x' }).send(request);
  expect(response.status).toBe(200);
  const [url, init] = fetch.mock.calls[0]!;
  expect(url).toBe('https://r.test/v1/batch?key=pk_x');
  expect(init).toMatchObject({ method: 'POST', keepalive: true, body: '{"messages":[]}' });
  expect(new Headers(init.headers).get('content-type')).toBe('text/plain');
});
