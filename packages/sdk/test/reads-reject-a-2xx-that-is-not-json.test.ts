import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClient, isRapportError, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { USER_HASH, useJsonServer } from './helpers/json-server';

const server = useJsonServer();
const PORTAL = () => HttpResponse.html('<html><body>Sign in to the Wi-Fi</body></html>');

async function signedInClient() {
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  await client.identify('user-3', undefined, { userHash: USER_HASH });
  return client;
}

test('a read answered 200 with an HTML page rejects instead of resolving the page', async () => {
  const client = await signedInClient();
  server.answer('GET /v1/loyalty', PORTAL);

  const failure = await client.loyalty.get().catch((error: unknown) => error);

  expect(isRapportError(failure) && failure.code).toBe('http');
  client.destroy();
});

test('a redeem answered 200 with an HTML page fails, and the retry reuses its id', async () => {
  const client = await signedInClient();
  server.answer('POST /v1/loyalty/redeem', PORTAL);

  const failure = await client.loyalty.redeem('free-coffee').catch((error: unknown) => error);
  expect(isRapportError(failure)).toBe(true);

  server.answer('POST /v1/loyalty/redeem', ({ body }) => {
    const { id, rewardId } = body as { id: string; rewardId: string };
    return HttpResponse.json({ id, rewardId, cost: 100, balance: 20, duplicate: false });
  });
  const result = await client.loyalty.redeem('free-coffee');

  const ids = server.seen
    .filter((r) => r.url.pathname === '/v1/loyalty/redeem')
    .map((r) => (r.body as { id: string }).id);
  // Whether the portal passed the first request on is unknown: the same id cannot charge twice.
  expect(ids).toEqual([result.id, result.id]);
  expect(result.balance).toBe(20);
  client.destroy();
});
