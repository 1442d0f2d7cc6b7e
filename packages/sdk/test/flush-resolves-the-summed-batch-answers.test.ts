import type { Message } from '@rapport/protocol';
import { afterEach, expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { scriptedTransport } from './helpers/scripted-transport';
import { useFakeClock } from './helpers/setup';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function queued(count: number) {
  useFakeClock();
  vi.stubGlobal('navigator', { onLine: false, userAgent: 'test' });
  const server = scriptedTransport();
  const client = createClient({
    key: 'pk_test',
    storage: memoryStore(),
    transport: server.transport,
  });
  const receipts = [];
  for (let i = 0; i < count; i++) receipts.push(await client.track(`event-${i}`));
  vi.stubGlobal('navigator', { onLine: true, userAgent: 'test' });
  return { server, client, ids: receipts.map(({ id }) => id) };
}

test('a flush over several batches resolves the sum of their answers', async () => {
  const { server, client, ids } = await queued(150);
  server.answer((request) => {
    const { messages } = request.body as { messages: Message[] };
    const [first] = messages as [Message];
    return {
      status: 200,
      body: {
        accepted: messages.length - 2,
        duplicates: 1,
        rejected: [{ id: first.id, code: 'invalid_argument', message: 'bad' }],
      },
    };
  });
  await expect(client.flush()).resolves.toStrictEqual({
    accepted: 146,
    duplicates: 2,
    rejected: [
      { id: ids[0], code: 'invalid_argument', message: 'bad' },
      { id: ids[100], code: 'invalid_argument', message: 'bad' },
    ],
  });
  client.destroy();
});

test('a batch refused with a 4xx resolves every message as rejected with the server’s reason', async () => {
  const { server, client, ids } = await queued(2);
  server.answer(() => ({
    status: 400,
    body: { error: { code: 'invalid_argument', message: 'Unknown field' } },
  }));
  await expect(client.flush()).resolves.toStrictEqual({
    accepted: 0,
    duplicates: 0,
    rejected: ids.map((id) => ({ id, code: 'invalid_argument', message: 'Unknown field' })),
  });
  client.destroy();
});
