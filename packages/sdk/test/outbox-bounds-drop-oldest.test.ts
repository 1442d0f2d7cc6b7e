import type { Message } from '@rapport/protocol';
import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

function offlineClient(outbox: { maxMessages?: number; maxBytes?: number }) {
  useFakeClock();
  fake.reply(() => HttpResponse.error());
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage, outbox });
  const dropped = vi.fn();
  client.on('dropped', dropped);
  const stored = () =>
    JSON.parse(storage.getItem('rapport:pk_test:outbox') ?? '[]').map((m: Message) => m.id);
  return { client, dropped, stored };
}

test('past maxMessages the oldest messages are dropped, with a dropped event naming them', async () => {
  const { client, dropped, stored } = offlineClient({ maxMessages: 3 });
  const receipts = [];
  for (let i = 0; i < 5; i++) receipts.push(await client.track('step', { i }));

  const ids = receipts.map((receipt) => receipt.id);
  expect(stored()).toEqual(ids.slice(2));
  expect(dropped).toHaveBeenCalledTimes(2);
  const droppedIds = dropped.mock.calls.flatMap(([event]) =>
    event.messages.map((m: Message) => m.id),
  );
  expect(droppedIds).toEqual(ids.slice(0, 2));
  expect(dropped.mock.calls[0]?.[0].reason).toBe('count');
  client.destroy();
});

test('past maxBytes the oldest messages are dropped for bytes', async () => {
  const { client, dropped, stored } = offlineClient({ maxBytes: 2500 });
  const receipts = [];
  for (let i = 0; i < 4; i++) receipts.push(await client.feedback({ message: 'x'.repeat(1000) }));

  expect(stored()).toEqual(receipts.slice(2).map((receipt) => receipt.id));
  expect(dropped.mock.calls.map(([event]) => event.reason)).toEqual(['bytes', 'bytes']);
  client.destroy();
});
