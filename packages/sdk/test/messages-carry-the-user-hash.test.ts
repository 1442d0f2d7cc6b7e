import { expect, test } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer } from './helpers/setup';

const fake = useBatchServer();
const HASH = 'c'.repeat(64);

/** The server files a userId without its hash as anonymous, so every write must carry it. */
test('every write after a verified identify carries the userHash', async () => {
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  await client.identify('user-7', undefined, { userHash: HASH });
  await client.feedback({ message: 'Hello', context: undefined });
  await client.surveys.respond('nps-1', { score: 9 });
  await client.track('opened');
  await client.page({ url: 'https://shop.example/' });
  // Identified again without a hash: the same user keeps the proof it has.
  await client.identify('user-7', { plan: 'pro' });
  const messages = fake.requests.flatMap((r) => r.messages);
  expect(messages.map((m) => [m.type, m.userId, m.userHash])).toEqual([
    ['identify', 'user-7', HASH],
    ['feedback', 'user-7', HASH],
    ['survey_response', 'user-7', HASH],
    ['track', 'user-7', HASH],
    ['page', 'user-7', HASH],
    ['identify', 'user-7', HASH],
  ]);
  client.destroy();
});

test('another user identified without a hash sends no hash, not the previous one', async () => {
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  await client.identify('user-7', undefined, { userHash: HASH });
  await client.identify('user-8');
  await client.feedback({ message: 'Hi' });
  const [, identify, feedback] = fake.requests.flatMap((r) => r.messages);
  expect(identify).toMatchObject({ userId: 'user-8' });
  expect(identify).not.toHaveProperty('userHash');
  expect(feedback).toMatchObject({ userId: 'user-8' });
  expect(feedback).not.toHaveProperty('userHash');
  client.destroy();
});
