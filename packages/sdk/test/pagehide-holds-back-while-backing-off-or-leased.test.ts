import { afterEach, expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { scriptedTransport } from './helpers/scripted-transport';
import { useFakeClock } from './helpers/setup';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function page() {
  const target = new EventTarget();
  vi.stubGlobal('window', target);
  vi.stubGlobal('navigator', { onLine: true, userAgent: 'test' });
  return target;
}

function setup() {
  useFakeClock();
  const target = page();
  const storage = memoryStore();
  const server = scriptedTransport();
  const beacon = scriptedTransport();
  const client = createClient({
    key: 'pk_test',
    storage,
    transport: server.transport,
    beacon: beacon.transport,
    outbox: { retryBaseMs: 60_000, retryCapMs: 60_000 },
  });
  return { target, storage, server, beacon, client };
}

test('while backing off after a 5xx, pagehide leaves the messages for the next page', async () => {
  const { target, server, beacon, client } = setup();
  server.answer(() => ({ status: 503, body: undefined }));
  await client.track('a');
  target.dispatchEvent(new Event('pagehide'));
  await vi.advanceTimersByTimeAsync(0);
  expect(beacon.requests).toHaveLength(0);
  client.destroy();
});

test('while a Retry-After still runs, pagehide hands nothing to the beacon, even after online', async () => {
  const { target, server, beacon, client } = setup();
  server.answer(() => ({ status: 429, headers: { 'retry-after': '120' }, body: undefined }));
  await client.track('a');
  // online forgets the backoff count, but not what the server asked for.
  target.dispatchEvent(new Event('online'));
  await vi.advanceTimersByTimeAsync(0);
  target.dispatchEvent(new Event('pagehide'));
  await vi.advanceTimersByTimeAsync(0);
  expect(beacon.requests).toHaveLength(0);
  expect(server.requests).toHaveLength(1);
  client.destroy();
});

test('while another tab holds the send lease, pagehide hands nothing to the beacon', async () => {
  const { target, storage, beacon, server, client } = setup();
  storage.setItem(
    'rapport:pk_test:lease',
    JSON.stringify({ owner: 'other-tab', expires: Date.now() + 30_000 }),
  );
  await client.track('a');
  target.dispatchEvent(new Event('pagehide'));
  await vi.advanceTimersByTimeAsync(0);
  expect(beacon.requests).toHaveLength(0);
  expect(server.requests).toHaveLength(0);
  client.destroy();
});

test('after a beacon drain the send lease is given back, so a page restored from the cache sends at once', async () => {
  const { target, storage, server, beacon, client } = setup();
  server.answer(() => new Promise(() => {})); // the page hides while the first send is in flight
  const receipt = client.track('a');
  await vi.advanceTimersByTimeAsync(0);
  target.dispatchEvent(new Event('pagehide'));
  await vi.advanceTimersByTimeAsync(0);
  expect(beacon.requests).toHaveLength(1);
  void receipt;
  expect(storage.getItem('rapport:pk_test:lease')).toBeNull();
  client.destroy();
});
