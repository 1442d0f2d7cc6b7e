import type { Message } from '@rapport/protocol';
import { expect, test } from 'vitest';
import { createClient, memoryStore, memoryTransport } from '../src/index';
import { webStorage } from './helpers/web-storage';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test.each([
  ['a shared queue (memoryStore)', memoryStore],
  ['a per-tab queue (localStorage-like)', webStorage],
])(
  'with %s, every message is in storage, under its UUID v4, before the transport sees it',
  async (_, makeStorage) => {
    const storage = makeStorage();
    const storedWhenSent: boolean[] = [];
    const storedValues = () => {
      const web = storage as Partial<Storage>;
      if (typeof web.key !== 'function') return storage.getItem('rapport:pk_test:outbox') ?? '';
      const keys = Array.from({ length: web.length ?? 0 }, (_, i) => web.key!(i) ?? '');
      return keys
        .filter((key) => key.startsWith('rapport:pk_test:outbox:'))
        .map((key) => storage.getItem(key))
        .join();
    };
    const transport = memoryTransport((request) => {
      const { messages } = request.body as { messages: Message[] };
      const stored = storedValues();
      for (const message of messages) storedWhenSent.push(stored.includes(message.id));
      return { status: 200, body: { accepted: messages.length, duplicates: 0, rejected: [] } };
    });
    const client = createClient({ key: 'pk_test', transport, storage });

    const receipts = [
      await client.feedback({ message: 'One' }),
      await client.track('two'),
      await client.surveys.respond('nps-1', { score: 10 }),
    ];

    expect(storedWhenSent).toEqual([true, true, true]);
    for (const receipt of receipts)
      expect(receipt).toMatchObject({ status: 'sent', id: expect.stringMatching(UUID_V4) });
    expect(storedValues()).toBe('');
    client.destroy();
  },
);
