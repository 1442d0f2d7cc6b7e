import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { accept, ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('20 feedbacks written offline reach the server exactly once, in order, when back online', async () => {
  useFakeClock();
  const page = new EventTarget();
  vi.stubGlobal('window', page);
  vi.spyOn(Math, 'random').mockReturnValue(0.99);
  fake.reply(() => HttpResponse.error());
  const client = createClient({
    key: 'pk_test',
    endpoint: ENDPOINT,
    storage: memoryStore(),
    outbox: { retryBaseMs: 10_000, retryCapMs: 60_000 },
  });

  const receipts = [];
  for (let i = 0; i < 10; i++) receipts.push(await client.feedback({ message: `feedback ${i}` }));
  await vi.advanceTimersByTimeAsync(5 * 60_000); // backoff retries, all failing
  for (let i = 10; i < 20; i++) receipts.push(await client.feedback({ message: `feedback ${i}` }));
  expect(receipts.map((receipt) => receipt.status)).toEqual(Array(20).fill('queued'));
  const failedAttempts = fake.requests.length;
  expect(failedAttempts).toBeGreaterThan(2);

  fake.reply((messages) => accept(messages));
  page.dispatchEvent(new Event('online'));
  // The pending backoff retry is seconds away (at 306.9 s), so within 1 s only `online` sends.
  await vi.advanceTimersByTimeAsync(1000);
  expect(fake.requests.length).toBe(failedAttempts + 1);
  // Let every pending timer fire: nothing may be sent a second time.
  await vi.advanceTimersByTimeAsync(10 * 60_000);

  const delivered = fake.requests.slice(failedAttempts).flatMap((r) => r.messages);
  expect(delivered.map((message) => message.id)).toEqual(receipts.map((receipt) => receipt.id));
  expect(delivered.map((message) => (message as { message: string }).message)).toEqual(
    receipts.map((_, i) => `feedback ${i}`),
  );
  client.destroy();
});
