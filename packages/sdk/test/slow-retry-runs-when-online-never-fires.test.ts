import { afterEach, expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { scriptedTransport } from './helpers/scripted-transport';
import { useFakeClock } from './helpers/setup';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function setup() {
  useFakeClock();
  vi.spyOn(Math, 'random').mockReturnValue(0.999);
  const server = scriptedTransport();
  const client = createClient({
    key: 'pk_test',
    storage: memoryStore(),
    transport: server.transport,
    outbox: { retryBaseMs: 1_000, retryCapMs: 1_000 },
  });
  return { server, client };
}

test('a write made while navigator.onLine is false is still tried after the backoff', async () => {
  const { server, client } = setup();
  vi.stubGlobal('navigator', { onLine: false, userAgent: 'test' });
  const receipt = await client.track('a');
  expect(server.requests).toHaveLength(0);
  await vi.advanceTimersByTimeAsync(999);
  expect(server.sentIds()).toEqual([receipt.id]);
  client.destroy();
});

test('a write during a backoff does not push the scheduled retry further out', async () => {
  const { server, client } = setup();
  server.answer(() => ({ status: 503, body: undefined }));
  await client.track('a'); // the retry is due 999 ms from now
  await vi.advanceTimersByTimeAsync(600);
  await client.track('b');
  await vi.advanceTimersByTimeAsync(399);
  expect(server.requests).toHaveLength(2);
  client.destroy();
});

test('on a page whose timers are plain numbers (browsers), a retry is scheduled without error', async () => {
  const errors: unknown[] = [];
  // Browsers' setTimeout returns a number, with no unref() to call.
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 1;
  const real = { set: globalThis.setTimeout, clear: globalThis.clearTimeout };
  vi.stubGlobal('setTimeout', (fn: () => void, ms?: number) => {
    const id = next++;
    timers.set(id, real.set(fn, ms));
    return id;
  });
  vi.stubGlobal('clearTimeout', (id?: number) => {
    if (id !== undefined) real.clear(timers.get(id));
  });
  const server = scriptedTransport();
  server.answer(() => ({ status: 503, body: undefined }));
  const client = createClient({
    key: 'pk_test',
    storage: memoryStore(),
    transport: server.transport,
    outbox: { retryBaseMs: 600_000, retryCapMs: 600_000 },
  });
  client.on('error', ({ error }) => errors.push(error));
  await expect(client.track('a')).resolves.toMatchObject({ status: 'queued' });
  expect(errors).toEqual([]);
  client.destroy();
  for (const timer of timers.values()) real.clear(timer);
});
