import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClient, isRapportError, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { USER_HASH, useJsonServer } from './helpers/json-server';

const server = useJsonServer();

async function signedInClient() {
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  await client.identify('user-3', undefined, { userHash: USER_HASH });
  return client;
}
const redeems = () => server.seen.filter((r) => r.url.pathname === '/v1/loyalty/redeem');
const answerRedeem = (duplicate = false) =>
  server.answer('POST /v1/loyalty/redeem', ({ body }) => {
    const { id, rewardId } = body as { id: string; rewardId: string };
    return HttpResponse.json({ id, rewardId, cost: 100, balance: 20, duplicate });
  });

test('a double click sends one redeem, with a client id, and both clicks get its answer', async () => {
  const client = await signedInClient();
  answerRedeem();

  const [first, second] = await Promise.all([
    client.loyalty.redeem('free-coffee'),
    client.loyalty.redeem('free-coffee'),
  ]);

  expect(redeems()).toHaveLength(1);
  expect(redeems()[0]?.body).toEqual({
    id: first.id,
    userId: 'user-3',
    userHash: USER_HASH,
    rewardId: 'free-coffee',
  });
  expect(second).toEqual(first);
  client.destroy();
});

test('after a lost answer the retry reuses the id; after a definite answer a new redeem is new', async () => {
  const client = await signedInClient();
  server.answer('POST /v1/loyalty/redeem', () => HttpResponse.error());
  const lost = await client.loyalty.redeem('free-coffee').catch((error: unknown) => error);
  expect(isRapportError(lost) && lost.code).toBe('network');

  answerRedeem(true);
  const retried = await client.loyalty.redeem('free-coffee');
  const again = await client.loyalty.redeem('free-coffee');
  expect(again.id).not.toBe(retried.id);

  const ids = redeems().map((r) => (r.body as { id: string }).id);
  expect(ids[1]).toBe(ids[0]);
  expect(retried.id).toBe(ids[0]);
  expect(ids[2]).not.toBe(ids[0]);
  client.destroy();
});
