import type { Message } from '@rapport/protocol';
import { expect, test, vi } from 'vitest';
import { createPersistedQueue, readQueueRecord } from '../src/outbox/queue';
import { memoryStore } from '../src/storage/memory-store';

const KEY = 'rapport:pk_test:outbox:tab-1';
const message = (id: string, bytes = 0): Message =>
  ({
    id,
    type: 'track',
    event: 'e',
    timestamp: '2026-12-02T12:00:00.000Z',
    anonymousId: 'anon',
    ...(bytes ? { properties: { pad: 'x'.repeat(bytes) } } : {}),
  }) as Message;
const size = (m: Message) => new TextEncoder().encode(JSON.stringify(m)).length;

function tabQueue(bounds = { maxMessages: 100, maxBytes: 1_000_000 }) {
  const storage = memoryStore();
  let clock = 1_000;
  const queue = createPersistedQueue({ storage, storageKey: KEY, ...bounds, now: () => clock });
  return {
    storage,
    queue,
    record: () => readQueueRecord(storage.getItem(KEY)),
    tick(ms: number) {
      clock += ms;
    },
  };
}

test('appending a message already queued keeps one copy, in its first place', () => {
  const { queue } = tabQueue();
  queue.append(message('a'), message('b'));
  queue.append(message('a'), message('c'));
  expect(queue.read().map(({ id }) => id)).toEqual(['a', 'b', 'c']);
});

test('touch refreshes the heartbeat and takes the queue back from released', () => {
  const { queue, record, tick } = tabQueue();
  queue.append(message('a'));
  queue.release();
  expect(record()).toMatchObject({ heartbeat: 1_000, released: true });
  tick(30_000);
  queue.touch();
  expect(record()).toMatchObject({ heartbeat: 31_000, released: false });
});

test('touching or releasing an empty queue writes nothing', () => {
  const { queue, storage } = tabQueue();
  const setItem = vi.spyOn(storage, 'setItem');
  queue.touch();
  queue.release();
  expect(setItem).not.toHaveBeenCalled();
  expect(storage.getItem(KEY)).toBeNull();
});

test('removing ids that are not queued writes nothing', () => {
  const { queue, storage, record, tick } = tabQueue();
  queue.append(message('a'));
  const setItem = vi.spyOn(storage, 'setItem');
  tick(10);
  queue.remove(new Set(['zzz']));
  expect(setItem).not.toHaveBeenCalled();
  expect(record()?.heartbeat).toBe(1_000);
});

test('a queue exactly at its byte bound keeps everything', () => {
  const [a, b] = [message('a', 100), message('b', 100)];
  const { queue } = tabQueue({ maxMessages: 100, maxBytes: size(a) + size(b) });
  expect(queue.append(a, b)).toBeUndefined();
  expect(queue.read()).toHaveLength(2);
});

test('one byte over the bound drops the oldest, and the newest is kept even when alone too big', () => {
  const [a, b] = [message('a', 100), message('b', 100)];
  const { queue } = tabQueue({ maxMessages: 100, maxBytes: size(a) + size(b) - 1 });
  expect(queue.append(a, b)).toEqual({ messages: [a], reason: 'bytes' });
  expect(queue.read()).toEqual([b]);
  const huge = message('huge', 5_000);
  expect(queue.append(huge)).toEqual({ messages: [b], reason: 'bytes' });
  expect(queue.read()).toEqual([huge]);
});

test('a stored queue that is not JSON reads as empty and new messages are still stored', () => {
  const { queue, storage } = tabQueue();
  storage.setItem(KEY, '{"messages": [');
  expect(queue.read()).toEqual([]);
  queue.append(message('a'));
  expect(queue.read().map(({ id }) => id)).toEqual(['a']);
});
