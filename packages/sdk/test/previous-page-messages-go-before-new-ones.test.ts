import type { Message } from '@rapport/protocol';
import { expect, test } from 'vitest';
import { createClient, memoryTransport } from '../src/index';
import { webStorage } from './helpers/web-storage';

test('a write made right after a reload is sent after what the previous page left', async () => {
  const storage = webStorage();
  const left = {
    id: '0b7e4a7c-1f2d-4c3b-8a9e-6d5c4b3a2f10',
    type: 'identify',
    userId: 'jane',
    timestamp: '2026-11-25T10:00:00.000Z',
    anonymousId: 'anon-1',
  };
  storage.setItem(
    'rapport:pk_test:outbox:previous-page',
    JSON.stringify({ heartbeat: Date.now(), released: true, messages: [left] }),
  );
  const received: string[] = [];
  const transport = memoryTransport((request) => {
    const { messages } = request.body as { messages: Message[] };
    received.push(...messages.map(({ id }) => id));
    return { status: 200, body: { accepted: messages.length, duplicates: 0, rejected: [] } };
  });
  const client = createClient({ key: 'pk_test', transport, storage });

  // Written before the startup flush got to adopt the previous page's queue.
  const receipt = await client.track('Checkout');

  expect(receipt.status).toBe('sent');
  expect(received).toEqual([left.id, receipt.id]);
  client.destroy();
});
