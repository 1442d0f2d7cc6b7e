import { expect, test } from 'vitest';
import { createClient, isRapportError, memoryStore, type RapportClient } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer } from './helpers/setup';

const fake = useBatchServer();

const badCalls: [string, (client: RapportClient) => Promise<unknown>][] = [
  ['feedback({})', (c) => c.feedback({} as never)],
  ['feedback(undefined)', (c) => c.feedback(undefined as never)],
  ['a 10 MB message', (c) => c.feedback({ message: 'x'.repeat(10 * 1024 * 1024) })],
  ['text over MAX_TEXT_LENGTH', (c) => c.feedback({ message: 'x'.repeat(5001) })],
  ['a blank message', (c) => c.feedback({ message: '   ' })],
  ['a bad email', (c) => c.feedback({ message: 'Hi', email: 'not-an-email' })],
  ['an unknown category', (c) => c.feedback({ message: 'Hi', category: 'rant' as never })],
  ['a rating of 6', (c) => c.feedback({ message: 'Hi', rating: 6 })],
  ['a non-string event name', (c) => c.track(42 as never)],
  ['huge properties', (c) => c.track('big', { blob: 'x'.repeat(70_000) })],
  [
    '51 properties',
    (c) => c.track('wide', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]))),
  ],
  [
    'a cyclic property',
    (c) => {
      const o: Record<string, unknown> = {};
      o.self = o;
      return c.track('loop', o);
    },
  ],
  ['a blank user id', (c) => c.identify('  ')],
  ['a bad userHash', (c) => c.identify('u1', undefined, { userHash: 'nope' })],
  ['an NPS score of 11', (c) => c.surveys.respond('nps-1', { score: 11 })],
  ['a survey id with spaces', (c) => c.surveys.dismiss('not an id')],
  ['a relative page url', (c) => c.page({ url: '/pricing' })],
];

test.each(badCalls)('%s rejects with invalid_argument and queues nothing', async (_, call) => {
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  let promise: Promise<unknown> | undefined;
  expect(() => {
    promise = call(client);
  }).not.toThrow();
  const error = await promise!.then(
    () => undefined,
    (e: unknown) => e,
  );

  expect(isRapportError(error)).toBe(true);
  expect(isRapportError(error) && error.code).toBe('invalid_argument');
  expect((error as Error).message.length).toBeGreaterThan(10);
  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  expect(fake.requests).toHaveLength(0);
  client.destroy();
});
