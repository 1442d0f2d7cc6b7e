import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { accept, ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

function rateLimitedOnce(retryAfter: string) {
  let calls = 0;
  fake.reply((messages) =>
    ++calls === 1
      ? HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Slow down' } },
          { status: 429, headers: { 'Retry-After': retryAfter } },
        )
      : accept(messages),
  );
}

test('after a 429 with Retry-After: 7, nothing is sent before 7 s — not even new writes — and one request after', async () => {
  useFakeClock();
  // Backoff alone would retry within 10 ms: only Retry-After can explain a 7 s wait.
  vi.spyOn(Math, 'random').mockReturnValue(0.01);
  rateLimitedOnce('7');
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  const first = await client.track('signup');
  expect(first.status).toBe('queued');
  expect(fake.requests).toHaveLength(1);

  await vi.advanceTimersByTimeAsync(3000);
  const second = await client.track('upgrade');
  await client.flush();
  expect(second.status).toBe('queued');
  await vi.advanceTimersByTimeAsync(3990);
  expect(fake.requests).toHaveLength(1);

  await vi.advanceTimersByTimeAsync(20);
  expect(fake.requests).toHaveLength(2);
  expect(fake.requests[1]!.at - fake.requests[0]!.at).toBeGreaterThanOrEqual(7000);
  expect(fake.requests[1]!.messages.map(({ id }) => id)).toEqual([first.id, second.id]);
  await vi.advanceTimersByTimeAsync(60_000);
  expect(fake.requests).toHaveLength(2);
  client.destroy();
});

test('Retry-After given as an HTTP date is honoured too', async () => {
  useFakeClock();
  vi.setSystemTime(new Date('2026-11-25T10:00:00Z'));
  vi.spyOn(Math, 'random').mockReturnValue(0.01);
  rateLimitedOnce('Wed, 25 Nov 2026 10:00:30 GMT');
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  await client.track('signup');
  await vi.advanceTimersByTimeAsync(29_000);
  expect(fake.requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1500);
  expect(fake.requests).toHaveLength(2);
  client.destroy();
});
