import { expect, test, vi } from 'vitest';
import { createClient, isRapportError, memoryStore } from '../src/index';
import { accept, ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('a message listed in a 200 batch answer as rejected is dropped with an error event, never retried', async () => {
  useFakeClock();
  const storage = memoryStore();
  fake.reply((messages) =>
    accept(
      messages,
      messages
        .filter((message) => message.type === 'track' && message.event === 'bad')
        .map(({ id }) => ({ id, code: 'invalid_body', message: 'event: not allowed' })),
    ),
  );
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const errors = vi.fn();
  client.on('error', errors);

  const failure = await client.track('bad').catch((error: unknown) => error);
  const good = await client.track('good');

  expect(isRapportError(failure) && failure.code).toBe('rejected');
  expect(errors).toHaveBeenCalledTimes(1);
  const [{ error, message }] = errors.mock.calls[0]!;
  expect(error.code).toBe('rejected');
  expect(error.message).toContain('event: not allowed');
  expect(message).toMatchObject({ type: 'track', event: 'bad' });
  expect(good.status).toBe('sent');

  await vi.advanceTimersByTimeAsync(10 * 60_000);
  await client.flush();
  const badAttempts = fake.requests.flatMap((r) => r.messages).filter((m) => m.id === message.id);
  expect(badAttempts).toHaveLength(1);
  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  client.destroy();
});
