import { afterEach, expect, test, vi } from 'vitest';
import { createClient } from '../src/index';
import { closedTabQueue } from './helpers/closed-tab-queue';
import { acceptAll, scriptedTransport } from './helpers/scripted-transport';
import { useFakeClock } from './helpers/setup';
import { webStorage } from './helpers/web-storage';

afterEach(() => {
  vi.useRealTimers();
});

test('a client destroyed while a flush waits behind one in flight leaves a closed tab’s queue for the next page', async () => {
  useFakeClock();
  const storage = webStorage();
  const server = scriptedTransport();
  let answer: () => void = () => {};
  server.answer(
    (request) => new Promise((resolve) => (answer = () => resolve(acceptAll(request)))),
  );
  const client = createClient({ key: 'pk_test', storage, transport: server.transport });
  void client.track('a');
  await vi.advanceTimersByTimeAsync(0);
  const waiting = client.track('b'); // its flush waits for the one in flight
  await vi.advanceTimersByTimeAsync(0);
  storage.setItem('rapport:pk_test:outbox:closed-tab', closedTabQueue('left'));
  client.destroy();
  answer();
  await vi.advanceTimersByTimeAsync(0);
  const { id: b } = await waiting;

  server.answer(acceptAll);
  const next = createClient({ key: 'pk_test', storage, transport: server.transport });
  await next.flush();
  expect(server.sentIds().slice(1).sort()).toEqual([b, 'left'].sort());
  next.destroy();
});
