import { afterEach, expect, test, vi } from 'vitest';
import { createClient, memoryStore, type TransportRequest } from '../src/index';
import { closedTabQueue } from './helpers/closed-tab-queue';
import { acceptAll, scriptedTransport } from './helpers/scripted-transport';
import { useFakeClock } from './helpers/setup';
import { webStorage } from './helpers/web-storage';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function setup(storage = memoryStore() as ReturnType<typeof memoryStore>, consent?: 'pending') {
  useFakeClock();
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  const server = scriptedTransport();
  const client = createClient({
    key: 'pk_test',
    storage,
    transport: server.transport,
    consent,
    outbox: { retryBaseMs: 1_000, retryCapMs: 1_000, maxMessages: 2 },
  });
  return { server, client };
}

test('a send that fails on the network is retried after the backoff', async () => {
  const { server, client } = setup();
  server.answer(() => Promise.reject(new TypeError('Failed to fetch')));
  const receipt = await client.track('a');
  expect(receipt.status).toBe('queued');
  server.answer(acceptAll);
  await vi.advanceTimersByTimeAsync(499);
  expect(server.requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(server.sentIds()).toEqual([receipt.id, receipt.id]);
  client.destroy();
});

test('a send with no answer is abandoned after 15 s, its request aborted, and retried', async () => {
  const { server, client } = setup();
  server.answer(() => new Promise(() => {}));
  const receipt = client.track('a');
  await vi.advanceTimersByTimeAsync(14_999);
  const first = server.requests[0] as TransportRequest;
  expect(first.signal?.aborted).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(first.signal?.aborted).toBe(true);
  await expect(receipt).resolves.toMatchObject({ status: 'queued' });
  server.answer(acceptAll);
  await vi.advanceTimersByTimeAsync(500);
  expect(server.requests).toHaveLength(2);
  client.destroy();
});

test('a request that was answered is never aborted afterwards', async () => {
  const { server, client } = setup();
  await client.track('a');
  await vi.advanceTimersByTimeAsync(20_000);
  expect(server.requests[0]?.signal?.aborted).toBe(false);
  client.destroy();
});

test('a write made offline during a send does not turn that send’s receipt into queued', async () => {
  const { server, client } = setup();
  const navigator = { onLine: true, userAgent: 'test' };
  vi.stubGlobal('navigator', navigator);
  let answer: (value: ReturnType<typeof acceptAll>) => void = () => {};
  server.answer(
    (request) => new Promise((resolve) => (answer = () => resolve(acceptAll(request)))),
  );
  const first = client.track('in-flight');
  await vi.advanceTimersByTimeAsync(0);
  navigator.onLine = false;
  const second = client.track('offline');
  await vi.advanceTimersByTimeAsync(0);
  server.answer(acceptAll);
  answer(acceptAll(server.requests[0] as TransportRequest));
  await expect(first).resolves.toMatchObject({ status: 'sent' });
  await second;
  client.destroy();
});

test('nothing is sent after destroy, even a flush that was waiting behind one in flight', async () => {
  const { server, client } = setup();
  let answer: () => void = () => {};
  server.answer(
    (request) => new Promise((resolve) => (answer = () => resolve(acceptAll(request)))),
  );
  void client.track('a');
  await vi.advanceTimersByTimeAsync(0);
  void client.track('b'); // waits for the send in flight
  await vi.advanceTimersByTimeAsync(0);
  client.destroy();
  answer();
  await vi.advanceTimersByTimeAsync(60_000);
  expect(server.requests).toHaveLength(1);
});

test('a write pushed out by the outbox bound rejects with queue_full', async () => {
  const { server, client } = setup();
  server.answer(() => new Promise(() => {}));
  const oldest = client.track('a');
  await vi.advanceTimersByTimeAsync(0);
  void client.track('b').catch(() => undefined);
  void client.track('c').catch(() => undefined);
  await expect(oldest).rejects.toMatchObject({
    code: 'queue_full',
    message: 'The outbox was full; the oldest were dropped',
  });
  client.destroy();
});

test('opting out fails the writes still waiting with consent_required', async () => {
  const { server, client } = setup();
  server.answer(() => new Promise(() => {}));
  const waiting = client.track('a');
  await vi.advanceTimersByTimeAsync(0);
  client.optOut();
  await expect(waiting).rejects.toMatchObject({
    code: 'consent_required',
    message: 'Discarded: consent was withdrawn',
  });
  client.destroy();
});

test('a 2xx whose rejected list names no message keeps the batch and sends it again', async () => {
  const { server, client } = setup();
  server.answer(() => ({ status: 200, body: { accepted: 0, duplicates: 0, rejected: [null] } }));
  const receipt = await client.track('a');
  expect(receipt.status).toBe('queued');

  server.answer(acceptAll);
  await vi.advanceTimersByTimeAsync(500);
  expect(server.sentIds()).toEqual([receipt.id, receipt.id]);
  await vi.advanceTimersByTimeAsync(5_000);
  expect(server.sentIds()).toHaveLength(2); // acknowledged the second time: not sent again
  client.destroy();
});

test('while another tab holds the send lease, the queue looks again after 2 s, not when the lease ends', async () => {
  const storage = memoryStore();
  storage.setItem(
    'rapport:pk_test:lease',
    JSON.stringify({ owner: 'other-tab', expires: Date.now() + 60_000 }),
  );
  const { server, client } = setup(storage);
  await client.track('a');
  expect(server.requests).toHaveLength(0);
  storage.removeItem('rapport:pk_test:lease'); // the other tab finished
  await vi.advanceTimersByTimeAsync(2_000);
  expect(server.requests).toHaveLength(1);
  client.destroy();
});

test('with consent pending, the heartbeat neither adopts nor sends what a closed tab left', async () => {
  useFakeClock();
  const storage = webStorage();
  const { server, client } = setup(storage as never, 'pending');
  storage.setItem('rapport:pk_test:outbox:closed-tab', closedTabQueue('left'));
  await vi.advanceTimersByTimeAsync(90_000);
  expect(server.requests).toHaveLength(0);
  expect(storage.getItem('rapport:pk_test:outbox:closed-tab')).not.toBeNull();
  client.destroy();
});

test('the heartbeat sends what a closed tab left without waiting for a write', async () => {
  useFakeClock();
  const storage = webStorage();
  const { server, client } = setup(storage as never);
  await vi.advanceTimersByTimeAsync(0);
  storage.setItem('rapport:pk_test:outbox:closed-tab', closedTabQueue('left'));
  await vi.advanceTimersByTimeAsync(30_000);
  expect(server.sentIds()).toEqual(['left']);
  client.destroy();
});
