import { HttpResponse } from 'msw';
import { expect, test } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useJsonServer } from './helpers/json-server';
import { useFakeClock } from './helpers/setup';

const server = useJsonServer();
const survey = (id: string) => ({ id, type: 'nps', question: 'Recommend us?', delaySeconds: 0 });

function offerSurveys() {
  server.answer('GET /v1/surveys/eligible', () =>
    HttpResponse.json({ surveys: [survey('nps-1'), survey('nps-2')] }),
  );
}

test('an answer or dismissal still in the outbox keeps its survey out of eligible()', async () => {
  useFakeClock();
  // The server is struggling: answers stay queued, so it cannot know about them yet.
  server.answer('POST /v1/batch', () => new HttpResponse(null, { status: 503 }));
  offerSurveys();
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  expect((await client.surveys.respond('nps-1', { score: 9 })).status).toBe('queued');

  expect((await client.surveys.eligible()).map(({ id }) => id)).toEqual(['nps-2']);

  // The next page, sharing storage, must not ask again either.
  client.destroy();
  const next = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  await next.surveys.dismiss('nps-2');
  expect(await next.surveys.eligible()).toEqual([]);
  next.destroy();
});

test('an answer acknowledged while eligible() was in flight still counts', async () => {
  let release: () => void = () => {};
  const acked = new Promise<void>((resolve) => {
    release = resolve;
  });
  let batches = 0;
  server.answer('POST /v1/batch', async () => {
    // The first attempt fails; the retry is acknowledged while eligible() waits.
    if (++batches === 1) return new HttpResponse(null, { status: 503 });
    return HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] });
  });
  server.answer('GET /v1/surveys/eligible', async () => {
    // The server computed its answer before the survey response reached it.
    const answer = HttpResponse.json({ surveys: [survey('nps-1')] });
    await acked;
    return answer;
  });
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  await client.surveys.respond('nps-1', { score: 3 });

  const eligible = client.surveys.eligible();
  await client.flush();
  release();

  expect(await eligible).toEqual([]);
  client.destroy();
});
