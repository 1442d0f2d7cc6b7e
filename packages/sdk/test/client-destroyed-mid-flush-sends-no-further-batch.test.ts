import type { Message } from '@rapport/protocol';
import { MAX_BATCH_MESSAGES } from '@rapport/protocol';
import { expect, test } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { acceptAll, scriptedTransport } from './helpers/scripted-transport';

const waiting = (count: number): Message[] =>
  Array.from({ length: count }, (_, index) => ({
    id: `m${index}`,
    type: 'track',
    event: 'e',
    timestamp: '2026-12-02T12:00:00.000Z',
    anonymousId: 'a',
  })) as Message[];

// The outbox keeps no `destroyed` of its own: it asks the client's lifecycle before each batch.
// If it stopped asking, the second batch would go out after destroy().
test('a client destroyed while its first batch is in flight sends no further batch', async () => {
  const storage = memoryStore();
  storage.setItem('rapport:pk_test:outbox', JSON.stringify(waiting(MAX_BATCH_MESSAGES + 20)));
  const server = scriptedTransport();
  let answer: () => void = () => {};
  server.answer(
    (request) => new Promise((resolve) => (answer = () => resolve(acceptAll(request)))),
  );
  const client = createClient({ key: 'pk_test', storage, transport: server.transport });
  const flushed = client.flush();
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(server.requests).toHaveLength(1);

  client.destroy();
  answer();
  await flushed;
  await new Promise((resolve) => setTimeout(resolve, 10));

  expect(server.requests).toHaveLength(1);
  const left = JSON.parse(storage.getItem('rapport:pk_test:outbox') ?? '[]') as Message[];
  expect(left.map(({ id }) => id)).toEqual(
    waiting(MAX_BATCH_MESSAGES + 20)
      .slice(MAX_BATCH_MESSAGES)
      .map(({ id }) => id),
  );
});
