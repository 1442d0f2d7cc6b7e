import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import { accept, createBatchServer } from './batch-server';

/** Starts a fake batch server for the file and restores timers and globals after each test. */
export function useBatchServer() {
  const fake = createBatchServer();
  beforeAll(() => fake.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    fake.server.resetHandlers();
    fake.requests.length = 0;
    fake.reply((messages) => accept(messages));
  });
  afterAll(() => fake.server.close());
  return fake;
}

/** Fake the clocks the outbox reads: timers and `Date.now`. */
export function useFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
}
