import type { Message } from '@rapport/protocol';
import { expect, test } from 'vitest';
import { createClient, memoryStore, memoryTransport } from '../src/index';
import { webStorage } from './helpers/web-storage';

const leftover = {
  id: '7d1c8a52-3d4e-4f6a-9b1c-2e3f4a5b6c7d',
  type: 'track',
  event: 'Left behind',
  timestamp: '2026-11-25T10:00:00.000Z',
  anonymousId: 'anon-1',
};

test.each([
  ['a shared queue', memoryStore, 'rapport:pk_test:outbox'],
  ['a per-tab queue left by a closed tab', webStorage, 'rapport:pk_test:outbox:old-tab'],
])(
  'with %s holding garbage entries, good ones and new writes are still sent',
  async (_, makeStorage, key) => {
    const storage = makeStorage();
    // Another script, an old version or a hand edit left entries that are not messages.
    const messages = [null, 42, 'text', { type: 'track' }, leftover];
    const value = key.endsWith('old-tab') ? { heartbeat: 0, released: true, messages } : messages;
    storage.setItem(key, JSON.stringify(value));
    const sent: Message[] = [];
    const transport = memoryTransport((request) => {
      const batch = (request.body as { messages: Message[] }).messages;
      sent.push(...batch);
      return { status: 200, body: { accepted: batch.length, duplicates: 0, rejected: [] } };
    });
    const client = createClient({ key: 'pk_test', transport, storage });

    const receipt = await client.track('Fresh');

    expect(receipt.status).toBe('sent');
    expect(sent.map((message) => message.id).sort()).toEqual([leftover.id, receipt.id].sort());
    client.destroy();
  },
);
