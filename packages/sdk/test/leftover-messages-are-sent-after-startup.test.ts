import type { Message } from '@rapport/protocol';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore, type Transport } from '../src/index';

const offline: Transport = {
  async send() {
    throw new TypeError('Failed to fetch');
  },
};

test('what an earlier page left is sent in the next task, not while the client is created', async () => {
  const storage = memoryStore();
  const before = createClient({ key: 'pk_test', transport: offline, storage });
  const receipt = await before.feedback({ message: 'Saved while offline' });
  expect(receipt.status).toBe('queued');
  before.destroy();

  const sent: string[] = [];
  const online: Transport = {
    async send(request) {
      const { messages } = request.body as { messages: Message[] };
      sent.push(...messages.map((message) => message.id));
      return {
        status: 200,
        headers: {},
        body: { accepted: messages.length, duplicates: 0, rejected: [] },
      };
    },
  };
  const after = createClient({ key: 'pk_test', transport: online, storage });
  // Creating the client (and so the widget's launcher) never waits on the storage scan.
  expect(sent).toEqual([]);
  await vi.waitFor(() => expect(sent).toEqual([receipt.id]));
  after.destroy();
});
