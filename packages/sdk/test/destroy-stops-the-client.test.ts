import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, isRapportError, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('after destroy() no timer sends, calls reject with destroyed, and the queue stays for the next client', async () => {
  useFakeClock();
  fake.reply(() => HttpResponse.error());
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const queued = await client.track('before');
  const listener = vi.fn();
  client.on('sent', listener);

  client.destroy();
  await vi.advanceTimersByTimeAsync(10 * 60_000);

  expect(fake.requests).toHaveLength(1);
  const after = await client.track('after').catch((error: unknown) => error);
  expect(isRapportError(after) && after.code).toBe('destroyed');
  const stored = JSON.parse(storage.getItem('rapport:pk_test:outbox') ?? '[]');
  expect(stored.map((message: { id: string }) => message.id)).toEqual([queued.id]);
  expect(listener).not.toHaveBeenCalled();
});
