import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, isRapportError, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('a 4xx other than 408/429 drops the batch with an error event, and is not retried', async () => {
  useFakeClock();
  fake.reply(() =>
    HttpResponse.json({ error: { code: 'unauthorized', message: 'Unknown key' } }, { status: 401 }),
  );
  const storage = memoryStore();
  const client = createClient({ key: 'pk_wrong', endpoint: ENDPOINT, storage });
  const errors = vi.fn();
  client.on('error', errors);

  const failure = await client.feedback({ message: 'Hello' }).catch((error: unknown) => error);

  expect(isRapportError(failure) && [failure.code, failure.status]).toEqual(['unauthorized', 401]);
  expect(errors).toHaveBeenCalledTimes(1);
  expect(errors.mock.calls[0]?.[0].message).toMatchObject({ type: 'feedback', message: 'Hello' });
  expect(storage.getItem('rapport:pk_wrong:outbox')).toBeNull();
  await vi.advanceTimersByTimeAsync(10 * 60_000);
  expect(fake.requests).toHaveLength(1);
  client.destroy();
});

test('408 is retried like a 5xx', async () => {
  useFakeClock();
  let calls = 0;
  fake.reply((messages) =>
    ++calls === 1
      ? new HttpResponse(null, { status: 408 })
      : HttpResponse.json({ accepted: messages.length, duplicates: 0, rejected: [] }),
  );
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  const sent = vi.fn();
  client.on('sent', sent);
  expect((await client.track('x')).status).toBe('queued');
  await vi.advanceTimersByTimeAsync(2000);
  expect(fake.requests).toHaveLength(2);
  expect(sent).toHaveBeenCalledTimes(1);
  client.destroy();
});
