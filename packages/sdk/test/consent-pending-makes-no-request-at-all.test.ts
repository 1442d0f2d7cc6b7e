import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClient, type KeyValueStorage, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useJsonServer } from './helpers/json-server';

// Every request of any method or path reaches this server and is recorded.
const server = useJsonServer();

function watchedStorage(): KeyValueStorage & { setKeys: string[] } {
  const inner = memoryStore();
  const setKeys: string[] = [];
  return {
    setKeys,
    getItem: (key) => inner.getItem(key),
    setItem(key, value) {
      setKeys.push(key);
      inner.setItem(key, value);
    },
    removeItem: (key) => inner.removeItem(key),
  };
}

/** Everything a page (or the widget) does on load, each call allowed to fail. */
async function useEverything(client: ReturnType<typeof createClient>) {
  const calls = [
    () => client.config(),
    () => client.surveys.eligible(),
    () => client.identify('user-1', { plan: 'pro' }),
    () => client.track('viewed'),
    () => client.page({ url: 'https://shop.example/' }),
    () => client.feedback({ message: 'Hello' }),
    () => client.flush(),
  ];
  return Promise.all(
    calls.map((call) =>
      call().then(
        () => 'ok',
        (error) => error.code,
      ),
    ),
  );
}

test('with consent pending no request leaves, not even the public config read, and no identity is stored', async () => {
  const storage = watchedStorage();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage, consent: 'pending' });
  const anonymousId = client.anonymousId;

  const outcomes = await useEverything(client);
  await new Promise((resolve) => setTimeout(resolve, 10));

  expect(outcomes).toEqual([...Array(6).fill('consent_required'), 'ok']);
  expect(server.seen).toEqual([]);
  expect(storage.setKeys).toEqual([]);
  // The id lives in memory for the page, and is the same one stored once consent is given.
  expect(client.anonymousId).toBe(anonymousId);
  server.answer('GET /v1/config', () => HttpResponse.json({ panels: ['feedback'] }));
  client.optIn();
  await expect(client.config()).resolves.toEqual({ panels: ['feedback'] });
  expect(JSON.parse(storage.getItem('rapport:pk_test:identity') ?? '{}')).toEqual({
    anonymousId,
    deviceSecret: expect.stringMatching(/^[0-9a-f]{32}$/),
  });
  client.destroy();
});

test('after optOut() no request leaves and the stored identity is gone', async () => {
  const storage = watchedStorage();
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  await client.track('before');
  expect(server.seen).toHaveLength(1);

  client.optOut();
  storage.setKeys.length = 0;
  const outcomes = await useEverything(client);

  expect(outcomes).toEqual([...Array(6).fill('consent_required'), 'ok']);
  expect(server.seen).toHaveLength(1);
  expect(storage.getItem('rapport:pk_test:identity')).toBeNull();
  expect(storage.setKeys).toEqual([]);
  client.destroy();
});
