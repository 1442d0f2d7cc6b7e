import { RapportError } from '@rapport/sdk';
import { afterEach, expect, test, vi } from 'vitest';
import { readWithRetry } from '../src/actions/read-with-retry';

afterEach(() => vi.useRealTimers());

test('a network failure is tried three times with growing pauses before it surfaces', async () => {
  vi.useFakeTimers();
  const read = vi.fn().mockRejectedValue(new RapportError('network', 'offline'));
  const result = readWithRetry(read, [800, 2400]).catch((error: unknown) => error);
  expect(read).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(799);
  expect(read).toHaveBeenCalledTimes(1);
  await vi.advanceTimersByTimeAsync(1);
  expect(read).toHaveBeenCalledTimes(2);
  await vi.advanceTimersByTimeAsync(2400);
  expect(read).toHaveBeenCalledTimes(3);
  expect(await result).toMatchObject({ code: 'network' });
});

test('a refusal (401) is not retried: it would fail the same way again', async () => {
  const read = vi.fn().mockRejectedValue(new RapportError('unauthorized', 'bad userHash'));
  await expect(readWithRetry(read, [800, 2400])).rejects.toMatchObject({ code: 'unauthorized' });
  expect(read).toHaveBeenCalledTimes(1);
});

test('a read that recovers on the second try resolves with its data', async () => {
  vi.useFakeTimers();
  const read = vi
    .fn()
    .mockRejectedValueOnce(new RapportError('rate_limited', 'slow down'))
    .mockResolvedValueOnce({ balance: 10 });
  const result = readWithRetry(read, [800, 2400]);
  await vi.advanceTimersByTimeAsync(800);
  expect(await result).toEqual({ balance: 10 });
});
