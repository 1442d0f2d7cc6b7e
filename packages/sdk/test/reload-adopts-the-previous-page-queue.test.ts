import type { Message } from '@rapport/protocol';
import { expect, test, vi } from 'vitest';
import { createClient, memoryTransport, type TransportResponse } from '../src/index';
import { useFakeClock } from './helpers/setup';
import { webStorage } from './helpers/web-storage';

function server() {
  const received: Message[] = [];
  let answer = (messages: Message[]): TransportResponse => ({
    status: 200,
    headers: {},
    body: { accepted: messages.length, duplicates: 0, rejected: [] },
  });
  const transport = memoryTransport((request) => {
    const { messages } = request.body as { messages: Message[] };
    received.push(...messages);
    return answer(messages);
  });
  const down = () => {
    const up = answer;
    answer = () => ({ status: 503, headers: {}, body: undefined });
    return () => {
      answer = up;
    };
  };
  return { transport, received, down };
}

const outboxKeys = (storage: Storage) =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((key) =>
    key?.startsWith('rapport:pk_test:outbox:'),
  );

test('with localStorage-like storage, the next page sends what the last one left, ids unchanged', async () => {
  const storage = webStorage();
  const { transport, received, down } = server();
  const up = down();
  const before = createClient({ key: 'pk_test', transport, storage });
  const left = [await before.track('a'), await before.track('b')];
  expect(left.map((receipt) => receipt.status)).toEqual(['queued', 'queued']);
  before.destroy(); // the page goes away
  up();

  const after = createClient({ key: 'pk_test', transport, storage });
  await after.flush();

  const resent = received.slice(-2).map(({ id }) => id);
  expect(resent).toEqual(left.map((receipt) => receipt.id));
  expect(outboxKeys(storage)).toEqual([]);
  after.destroy();
});

test('a crashed tab’s queue is adopted once its heartbeat is five minutes old, not before', async () => {
  useFakeClock();
  const storage = webStorage();
  const orphan = {
    id: 'left-by-crashed-tab',
    type: 'track',
    event: 'x',
    timestamp: new Date().toISOString(),
    anonymousId: 'anon-1',
  };
  storage.setItem(
    'rapport:pk_test:outbox:crashed-tab',
    JSON.stringify({ heartbeat: Date.now(), released: false, messages: [orphan] }),
  );
  const { transport, received } = server();
  const client = createClient({ key: 'pk_test', transport, storage });

  await client.flush();
  await new Promise((resolve) => setImmediate(resolve));
  expect(received.map(({ id }) => id)).not.toContain(orphan.id);

  await vi.advanceTimersByTimeAsync(5 * 60_000 + 30_000);
  expect(received.map(({ id }) => id)).toEqual([orphan.id]);
  expect(outboxKeys(storage)).toEqual([]);
  client.destroy();
});
