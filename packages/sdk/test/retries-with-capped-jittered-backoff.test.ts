import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { accept, ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

/** Answers 500, 500, then 200, and returns the gaps between the three requests. */
async function gapsFor500500200(random: number): Promise<number[]> {
  useFakeClock();
  vi.spyOn(Math, 'random').mockReturnValue(random);
  let calls = 0;
  fake.reply((messages) =>
    ++calls <= 2 ? new HttpResponse(null, { status: 500 }) : accept(messages),
  );
  const start = fake.requests.length;
  const client = createClient({
    key: 'pk_test',
    endpoint: ENDPOINT,
    storage: memoryStore(),
    outbox: { retryBaseMs: 1000, retryCapMs: 1500 },
  });
  const sent = vi.fn();
  client.on('sent', sent);
  const receipt = await client.feedback({ message: 'Checkout button is broken' });
  expect(receipt.status).toBe('queued');
  await vi.advanceTimersByTimeAsync(10_000);
  const times = fake.requests.slice(start).map((request) => request.at);
  expect(times).toHaveLength(3);
  expect(sent).toHaveBeenCalledTimes(1);
  expect(sent.mock.calls[0]?.[0].message.id).toBe(receipt.id);
  client.destroy();
  return [times[1]! - times[0]!, times[2]! - times[1]!];
}

test('a 500 is retried after random × min(cap, base × 2^attempt): growing, then capped', async () => {
  // random → ~1 shows the ceiling: 1000 ms, then 1500 ms (the cap), not 2000 ms.
  const [first, second] = await gapsFor500500200(0.9999);
  expect(first).toBeGreaterThanOrEqual(999);
  expect(first).toBeLessThanOrEqual(1000);
  expect(second).toBeGreaterThanOrEqual(1499);
  expect(second).toBeLessThanOrEqual(1500);
});

test('the delay is fully jittered: it scales with the random draw', async () => {
  const [first, second] = await gapsFor500500200(0.25);
  expect(first).toBe(250);
  expect(second).toBe(375);
});
