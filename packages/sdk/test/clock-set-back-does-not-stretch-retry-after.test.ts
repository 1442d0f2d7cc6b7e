import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { accept, ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('a clock set back by an hour during Retry-After: 5 does not hold the queue for an hour', async () => {
  useFakeClock();
  let calls = 0;
  fake.reply((messages) =>
    ++calls === 1
      ? HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Slow down' } },
          { status: 429, headers: { 'Retry-After': '5' } },
        )
      : accept(messages),
  );
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  const sent = vi.fn();
  client.on('sent', sent);
  expect((await client.track('signup')).status).toBe('queued');

  // The system clock is corrected backwards (NTP, a user, a VM resumed).
  vi.setSystemTime(Date.now() - 60 * 60_000);
  await vi.advanceTimersByTimeAsync(6000);
  await client.track('upgrade');
  await vi.advanceTimersByTimeAsync(6000);

  expect(sent).toHaveBeenCalledTimes(2);
  client.destroy();
});
