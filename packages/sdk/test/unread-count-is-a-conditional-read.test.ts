import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { USER_HASH, useJsonServer } from './helpers/json-server';

const server = useJsonServer();

function newClient(storage = memoryStore()) {
  return createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
}

/** Answers the unread count like the server: 304 while the client already has this ETag. */
function countServer(counts: number[]) {
  server.answer('GET /v1/inbox/unread', (request) => {
    const unread = counts[0] ?? 0;
    const tag = `"u${unread}"`;
    if (request.headers.get('if-none-match') === tag)
      return new HttpResponse(null, { status: 304 });
    return HttpResponse.json({ unread }, { headers: { etag: tag } });
  });
}

test('asks again with the last ETag and keeps the count a 304 confirms', async () => {
  const counts = [2];
  countServer(counts);
  const client = newClient();
  const told: number[] = [];
  client.on('unread', ({ count }) => told.push(count));

  await expect(client.inbox.unread()).resolves.toBe(2);
  await expect(client.inbox.unread()).resolves.toBe(2);
  counts[0] = 3;
  await expect(client.inbox.unread()).resolves.toBe(3);

  const tags = server.seen.map((request) => request.headers.get('if-none-match'));
  expect(tags).toEqual([null, '"u2"', '"u2"']);
  expect(told).toEqual([2, 2, 3]);
  client.destroy();
});

test("an anonymous visitor's count and mark carry the device secret, a user's the userHash", async () => {
  countServer([1]);
  server.answer('POST /v1/inbox/read', () => HttpResponse.json({ unread: 0 }));
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  const storage = memoryStore();
  const client = newClient(storage);
  const told: number[] = [];
  client.on('unread', ({ count }) => told.push(count));
  const { deviceSecret } = JSON.parse(storage.getItem('rapport:pk_test:identity') ?? '{}');

  await client.inbox.unread();
  await expect(client.inbox.read('2026-03-02T12:01:00.000Z')).resolves.toBe(0);
  const [count, mark] = server.seen;
  expect(Object.fromEntries(count?.url.searchParams ?? [])).toEqual({
    anonymousId: client.anonymousId,
  });
  expect(count?.headers.get('x-rapport-device-secret')).toBe(deviceSecret);
  expect(mark?.body).toEqual({
    anonymousId: client.anonymousId,
    through: '2026-03-02T12:01:00.000Z',
  });
  expect(mark?.headers.get('x-rapport-device-secret')).toBe(deviceSecret);
  expect(told).toEqual([1, 0]);

  await client.identify('user-7', undefined, { userHash: USER_HASH });
  server.seen.length = 0;
  await client.inbox.unread();
  await client.inbox.read('2026-03-02T12:02:00.000Z');
  const [userCount, userMark] = server.seen.filter((r) => r.url.pathname.startsWith('/v1/inbox'));
  expect(Object.fromEntries(userCount?.url.searchParams ?? [])).toEqual({
    userId: 'user-7',
    userHash: USER_HASH,
  });
  // A new identity: the anonymous visitor's ETag is not sent for the user's count.
  expect(userCount?.headers.get('if-none-match')).toBeNull();
  expect(userMark?.body).toEqual({
    userId: 'user-7',
    userHash: USER_HASH,
    through: '2026-03-02T12:02:00.000Z',
  });
  expect(userMark?.headers.get('x-rapport-device-secret')).toBeNull();
  client.destroy();
});

test('a 304 without a count of its own to confirm is an error, not a zero', async () => {
  server.answer('GET /v1/inbox/unread', () => new HttpResponse(null, { status: 304 }));
  const client = newClient();
  await expect(client.inbox.unread()).rejects.toMatchObject({ code: 'http', status: 304 });
  client.destroy();
});
