import { expect, test } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer } from './helpers/setup';

const fake = useBatchServer();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HASH = 'b'.repeat(64);

test('the anonymous id, user id and hash survive a reload, and messages carry them', async () => {
  const storage = memoryStore();
  const first = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  expect(first.anonymousId).toMatch(UUID_V4);
  await first.identify('user-5', { plan: 'pro' }, { userHash: HASH });
  first.destroy();

  const reloaded = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  expect(reloaded.anonymousId).toBe(first.anonymousId);
  expect(reloaded.userId).toBe('user-5');
  await reloaded.track('opened');

  const [identify, track] = fake.requests.flatMap((r) => r.messages);
  expect(identify).toMatchObject({ type: 'identify', userId: 'user-5', userHash: HASH });
  expect(identify?.anonymousId).toBe(first.anonymousId);
  expect(track).toMatchObject({ type: 'track', userId: 'user-5', anonymousId: first.anonymousId });
  reloaded.destroy();
});

test('reset() starts a new anonymous visitor with no user', async () => {
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  await client.identify('user-5');
  const before = client.anonymousId;
  client.reset();
  expect(client.userId).toBeUndefined();
  expect(client.anonymousId).toMatch(UUID_V4);
  expect(client.anonymousId).not.toBe(before);
  await client.track('after-reset');
  expect(fake.requests.at(-1)?.messages[0]).not.toHaveProperty('userId');
  client.destroy();
});

test('every message id is a UUID v4, even where crypto.randomUUID is missing', async () => {
  const original = crypto.randomUUID;
  Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
  try {
    const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
    const receipt = await client.track('no-random-uuid');
    expect(receipt.id).toMatch(UUID_V4);
    expect(client.anonymousId).toMatch(UUID_V4);
    client.destroy();
  } finally {
    Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
  }
});
