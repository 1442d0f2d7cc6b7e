import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClient, isRapportError, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { USER_HASH, useJsonServer } from './helpers/json-server';

const server = useJsonServer();
const newClient = () =>
  createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });

test('config() GETs /v1/config with the Bearer key and resolves the body', async () => {
  const config = { projectName: 'Fernhill', panels: ['feedback'] };
  server.answer('GET /v1/config', () => HttpResponse.json(config));
  const client = newClient();

  await expect(client.config()).resolves.toEqual(config);
  expect(server.seen[0]?.headers.get('authorization')).toBe('Bearer pk_test');
  client.destroy();
});

test('a server error rejects with its code and status; an unreachable server with network', async () => {
  server.answer('GET /v1/config', () =>
    HttpResponse.json({ error: { code: 'unauthorized', message: 'Unknown key' } }, { status: 401 }),
  );
  server.answer('GET /v1/inbox', () => HttpResponse.error());
  const client = newClient();

  const denied = await client.config().catch((error: unknown) => error);
  expect(isRapportError(denied) && [denied.code, denied.status, denied.message]).toEqual([
    'unauthorized',
    401,
    'Unknown key',
  ]);
  await client.identify('user-1', undefined, { userHash: USER_HASH }).catch(() => undefined);
  const offline = await client.inbox.get().catch((error: unknown) => error);
  expect(isRapportError(offline) && offline.code).toBe('network');
  client.destroy();
});

test('surveys.eligible() sends who and where, and resolves the list', async () => {
  const survey = { id: 'nps-1', type: 'nps', question: 'How likely…?', delaySeconds: 0 };
  server.answer('GET /v1/surveys/eligible', () => HttpResponse.json({ surveys: [survey] }));
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  const client = newClient();
  await client.identify('user-1');

  await expect(client.surveys.eligible()).resolves.toEqual([survey]);
  const query = server.seen.find((r) => r.url.pathname === '/v1/surveys/eligible')!.url
    .searchParams;
  expect(query.get('anonymousId')).toBe(client.anonymousId);
  expect(query.get('userId')).toBe('user-1');
  // Without a proof there is none to send: trait-targeted surveys stay out.
  expect(query.has('userHash')).toBe(false);
  client.destroy();
});

test('surveys.eligible() sends the userHash of a verified identify', async () => {
  server.answer('GET /v1/surveys/eligible', () => HttpResponse.json({ surveys: [] }));
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  const client = newClient();
  const userHash = 'ab'.repeat(32);
  await client.identify('user-1', { plan: 'pro' }, { userHash });

  await client.surveys.eligible();
  const query = server.seen.find((r) => r.url.pathname === '/v1/surveys/eligible')!.url
    .searchParams;
  expect([query.get('userId'), query.get('userHash')]).toEqual(['user-1', userHash]);
  client.destroy();
});

test('surveys.get(id) reads one survey by id, and rejects a malformed id without a request', async () => {
  const survey = { id: 'csat-2', type: 'csat', question: 'How was it?', delaySeconds: 0 };
  server.answer('GET /v1/surveys/csat-2', () => HttpResponse.json(survey));
  const client = newClient();

  await expect(client.surveys.get('csat-2')).resolves.toEqual(survey);
  const seen = server.seen.length;
  const refused = await client.surveys.get('../admin').catch((error: unknown) => error);
  expect(isRapportError(refused) && refused.code).toBe('invalid_argument');
  expect(server.seen.length).toBe(seen);
  client.destroy();
});

test('personal reads need identify() with a userHash, and then send both', async () => {
  server.answer('GET /v1/loyalty', () => HttpResponse.json({ balance: 120 }));
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  const client = newClient();

  const anonymous = await client.loyalty.get().catch((error: unknown) => error);
  expect(isRapportError(anonymous) && anonymous.code).toBe('unauthorized');
  expect(server.seen).toHaveLength(0);

  await client.identify('user-9', undefined, { userHash: USER_HASH });
  await expect(client.loyalty.get()).resolves.toEqual({ balance: 120 });
  const query = server.seen.at(-1)!.url.searchParams;
  expect([query.get('userId'), query.get('userHash')]).toEqual(['user-9', USER_HASH]);
  client.destroy();
});
