import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { USER_HASH, useJsonServer } from './helpers/json-server';

const server = useJsonServer();
const EMPTY = { threads: [] };

function newClient(storage = memoryStore()) {
  return createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
}

function secretOf(storage: ReturnType<typeof memoryStore>): string {
  return (
    JSON.parse(storage.getItem('rapport:pk_test:identity') ?? '{}') as { deviceSecret: string }
  ).deviceSecret;
}

test('an anonymous visitor reads with the anonymousId and the device secret in a header, never the query', async () => {
  server.answer('GET /v1/inbox', () => HttpResponse.json(EMPTY));
  const storage = memoryStore();
  const client = newClient(storage);
  await expect(client.inbox.get()).resolves.toEqual(EMPTY);
  const [read] = server.seen;
  expect(read?.url.searchParams.get('anonymousId')).toBe(client.anonymousId);
  expect(read?.headers.get('x-rapport-device-secret')).toBe(secretOf(storage));
  expect(read?.url.search).not.toContain(secretOf(storage));
  expect([...(read?.url.searchParams.keys() ?? [])]).toEqual(['anonymousId']);
  client.destroy();
});

test('a verified user reads with userId and userHash, and without the device secret', async () => {
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  server.answer('GET /v1/inbox', () => HttpResponse.json(EMPTY));
  const client = newClient();
  await client.identify('user-7', undefined, { userHash: USER_HASH });
  await client.inbox.get();
  const read = server.seen.find((request) => request.url.pathname === '/v1/inbox');
  expect(Object.fromEntries(read?.url.searchParams ?? [])).toEqual({
    userId: 'user-7',
    userHash: USER_HASH,
  });
  expect(read?.headers.get('x-rapport-device-secret')).toBeNull();
  client.destroy();
});

test('a reply with an empty body or a bad thread id is refused before the outbox', async () => {
  const client = newClient();
  await expect(client.inbox.reply('thread-1', '   ')).rejects.toMatchObject({
    code: 'invalid_argument',
  });
  await expect(client.inbox.reply('a b', 'Hi')).rejects.toMatchObject({
    code: 'invalid_argument',
  });
  expect(server.seen).toHaveLength(0);
  client.destroy();
});
