import type { Message } from '@rapport/protocol';
import { afterEach, expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { closedTabQueue } from './helpers/closed-tab-queue';
import { scriptedTransport } from './helpers/scripted-transport';
import { useFakeClock } from './helpers/setup';
import { webStorage } from './helpers/web-storage';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

test('a heartbeat that adopts a closed tab’s messages during a backoff waits for the scheduled retry', async () => {
  useFakeClock();
  vi.spyOn(Math, 'random').mockReturnValue(0.999);
  const storage = webStorage();
  const server = scriptedTransport();
  server.answer(() => ({ status: 503, body: undefined }));
  const client = createClient({
    key: 'pk_test',
    storage,
    transport: server.transport,
    outbox: { retryBaseMs: 60_000, retryCapMs: 60_000 },
  });
  const mine = await client.track('a'); // fails; the retry is due in 59.94 s
  storage.setItem('rapport:pk_test:outbox:closed-tab', closedTabQueue('left'));

  await vi.advanceTimersByTimeAsync(30_500); // the heartbeat adopts "left"
  expect(server.requests).toHaveLength(1);

  server.answer((request) => {
    const { messages } = request.body as { messages: Message[] };
    return { status: 200, body: { accepted: messages.length, duplicates: 0, rejected: [] } };
  });
  await vi.advanceTimersByTimeAsync(30_000);
  expect(server.requests).toHaveLength(2);
  expect(server.sentIds().slice(1).sort()).toEqual([mine.id, 'left'].sort());
  client.destroy();
});

test('a flush asked for after the clock went back still waits out the Retry-After', async () => {
  useFakeClock();
  const server = scriptedTransport();
  server.answer(() => ({ status: 429, headers: { 'retry-after': '10' }, body: undefined }));
  const client = createClient({
    key: 'pk_test',
    storage: memoryStore(),
    transport: server.transport,
  });
  await client.track('a');
  server.answer((request) => {
    const { messages } = request.body as { messages: Message[] };
    return { status: 200, body: { accepted: messages.length, duplicates: 0, rejected: [] } };
  });

  vi.setSystemTime(Date.now() - 60 * 60_000); // the clock is corrected back an hour
  void client.flush();
  await vi.advanceTimersByTimeAsync(9_000);
  expect(server.requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(server.requests).toHaveLength(2);
  client.destroy();
});
