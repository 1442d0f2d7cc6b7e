import { expect, test } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer } from './helpers/setup';

const fake = useBatchServer();
const KEY = 'rapport:pk_test:identity';
// 128 bits as hex, what the server's DEVICE_SECRET_PATTERN accepts.
const SECRET = /^[0-9a-f]{32}$/;

function storedSecret(storage: ReturnType<typeof memoryStore>): string | undefined {
  return (JSON.parse(storage.getItem(KEY) ?? '{}') as { deviceSecret?: string }).deviceSecret;
}

test('a random device secret is stored with the identity, survives a reload and goes with every write', async () => {
  const storage = memoryStore();
  const first = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const secret = storedSecret(storage);
  expect(secret).toMatch(SECRET);
  await first.feedback({ message: 'Hello' });
  first.destroy();

  const reloaded = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  await reloaded.identify('user-1', undefined, { userHash: 'c'.repeat(64) });
  await reloaded.inbox.reply('thread-1', 'Line one\nLine two');
  const messages = fake.requests.flatMap((request) => request.messages);
  expect(messages.map((message) => message.type)).toEqual(['feedback', 'identify', 'reply']);
  for (const message of messages) expect(message.deviceSecret).toBe(secret);
  expect(messages[2]).toMatchObject({ threadId: 'thread-1', body: 'Line one\nLine two' });
  // Never exposed on the client.
  expect(JSON.stringify(reloaded)).not.toContain(secret);
  reloaded.destroy();
});

test('two browsers get different secrets from crypto.getRandomValues', () => {
  const a = memoryStore();
  const b = memoryStore();
  createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: a }).destroy();
  createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: b }).destroy();
  expect(storedSecret(a)).toMatch(SECRET);
  expect(storedSecret(a)).not.toBe(storedSecret(b));
});

test('reset() and optOut() forget the secret; an identity stored before secrets gets one', async () => {
  const storage = memoryStore();
  storage.setItem(KEY, JSON.stringify({ anonymousId: 'old-visitor' }));
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  expect(client.anonymousId).toBe('old-visitor');
  const upgraded = storedSecret(storage);
  expect(upgraded).toMatch(SECRET);
  client.reset();
  const afterReset = storedSecret(storage);
  expect(afterReset).toMatch(SECRET);
  expect(afterReset).not.toBe(upgraded);
  client.optOut();
  expect(storage.getItem(KEY)).toBeNull();
  client.optIn();
  const afterOptIn = storedSecret(storage);
  expect(afterOptIn).toMatch(SECRET);
  expect([upgraded, afterReset]).not.toContain(afterOptIn);
  client.destroy();
});
