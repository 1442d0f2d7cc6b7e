import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { USER_HASH, useJsonServer } from './helpers/json-server';

const server = useJsonServer();
const acceptAll = () => HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] });
const newClient = (consent?: 'granted' | 'pending') =>
  createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore(), consent });

test('after destroy every read rejects with destroyed and sends nothing', async () => {
  server.answer('POST /v1/batch', acceptAll);
  const client = newClient();
  await client.identify('user-1', undefined, { userHash: USER_HASH });
  const before = server.seen.length;
  client.destroy();

  for (const read of [
    client.config,
    client.loyalty.get,
    client.inbox.get,
    client.inbox.unread,
    () => client.inbox.read('2026-11-21T11:00:00Z'),
    client.surveys.eligible,
  ]) {
    await expect(read()).rejects.toMatchObject({
      code: 'destroyed',
      message: 'The client was destroyed',
    });
  }
  await expect(client.loyalty.redeem('reward-1')).rejects.toMatchObject({ code: 'destroyed' });
  expect(server.seen).toHaveLength(before);
});

test('with consent pending, personal reads and eligible surveys reject and send nothing', async () => {
  const client = newClient('pending');
  for (const read of [
    client.loyalty.get,
    client.inbox.get,
    client.inbox.unread,
    () => client.inbox.read('2026-11-21T11:00:00Z'),
    client.surveys.eligible,
  ]) {
    await expect(read()).rejects.toMatchObject({
      code: 'consent_required',
      message: 'Consent is pending; call optIn() first',
    });
  }
  expect(server.seen).toHaveLength(0);
  client.destroy();
});

// The inbox is not refused: without a hash the user's writes are filed as anonymous, so the
// inbox read asks for this browser's threads with its device secret instead (inbox tests).
test('an identified user without a userHash cannot read their loyalty account', async () => {
  server.answer('POST /v1/batch', acceptAll);
  const client = newClient();
  await client.identify('user-1');
  const sent = server.seen.length;
  await expect(client.loyalty.get()).rejects.toMatchObject({
    code: 'unauthorized',
    message: 'Call identify(userId, traits, { userHash }) before reading personal data',
  });
  expect(server.seen).toHaveLength(sent);
  client.destroy();
});

test('an eligible-surveys answer without a list, or with no body, offers no survey', async () => {
  const client = newClient();
  server.answer('GET /v1/surveys/eligible', () => HttpResponse.json({}));
  await expect(client.surveys.eligible()).resolves.toEqual([]);
  server.answer('GET /v1/surveys/eligible', () => new HttpResponse(null, { status: 204 }));
  await expect(client.surveys.eligible()).resolves.toEqual([]);
  client.destroy();
});

test('the page URL sent for targeting is cut to 2,048 characters, and a page without one sends none', async () => {
  server.answer('GET /v1/surveys/eligible', () => HttpResponse.json({ surveys: [] }));
  const client = newClient();
  const href = `https://shop.example/search?q=${'x'.repeat(3000)}`;
  vi.stubGlobal('location', { href });
  await client.surveys.eligible();
  expect(server.seen[0]?.url.searchParams.get('url')).toBe(href.slice(0, 2048));
  vi.stubGlobal('location', {});
  await client.surveys.eligible();
  expect(server.seen[1]?.url.searchParams.has('url')).toBe(false);
  vi.unstubAllGlobals();
  client.destroy();
});

test('dismissing a survey tracks $survey_dismissed with its id; bad ids name the argument', async () => {
  server.answer('POST /v1/batch', acceptAll);
  const client = newClient();
  await client.surveys.dismiss('survey-1');
  const body = server.seen[0]?.body as { messages: { event: string; properties: unknown }[] };
  expect(body.messages[0]).toMatchObject({
    event: '$survey_dismissed',
    properties: { surveyId: 'survey-1' },
  });
  await expect(client.surveys.dismiss('')).rejects.toMatchObject({
    code: 'invalid_argument',
    message: expect.stringMatching(/^surveyId must be/),
  });
  await client.identify('user-1', undefined, { userHash: USER_HASH });
  await expect(client.loyalty.redeem('..')).rejects.toMatchObject({
    code: 'invalid_argument',
    message: expect.stringMatching(/^rewardId must be/),
  });
  client.destroy();
});
