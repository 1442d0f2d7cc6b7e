import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { USER_HASH, useJsonServer } from './helpers/json-server';

const server = useJsonServer();
const RESOLVED_AT = '2026-11-22T15:00:00.000Z';

function newClient() {
  return createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
}

function sentMessages() {
  return server.seen
    .filter((request) => request.url.pathname === '/v1/batch')
    .flatMap((request) => (request.body as { messages: Record<string, unknown>[] }).messages);
}

test('inbox.rate() sends one resolution_rating with the proof, the resolution and the answer', async () => {
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  const client = newClient();
  await client.identify('user-7', undefined, { userHash: USER_HASH });
  const receipt = await client.inbox.rate('thread-1', {
    resolvedAt: RESOLVED_AT,
    score: 5,
    comment: 'Quick!',
  });
  expect(receipt.status).toBe('sent');
  const dismissal = await client.inbox.rate('thread-2', { resolvedAt: RESOLVED_AT });
  expect(dismissal.status).toBe('sent');
  const ratings = sentMessages().filter((m) => m.type === 'resolution_rating');
  expect(ratings).toEqual([
    expect.objectContaining({
      id: receipt.id,
      threadId: 'thread-1',
      resolvedAt: RESOLVED_AT,
      score: 5,
      comment: 'Quick!',
      userId: 'user-7',
      userHash: USER_HASH,
    }),
    expect.objectContaining({ id: dismissal.id, threadId: 'thread-2', resolvedAt: RESOLVED_AT }),
  ]);
  expect(ratings[1]).not.toHaveProperty('score');
  client.destroy();
});

test('a score off the 1–5 scale, a missing resolution or a bad thread id is refused before the outbox', async () => {
  const client = newClient();
  for (const [threadId, answer] of [
    ['thread-1', { resolvedAt: RESOLVED_AT, score: 6 }],
    ['thread-1', { resolvedAt: RESOLVED_AT, score: 2.5 }],
    ['thread-1', { score: 3 }],
    ['thread-1', null],
    ['a b', { resolvedAt: RESOLVED_AT, score: 3 }],
  ] as const) {
    await expect(client.inbox.rate(threadId, answer as never)).rejects.toMatchObject({
      code: 'invalid_argument',
    });
  }
  expect(server.seen).toHaveLength(0);
  client.destroy();
});
