import { afterEach, expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { scriptedTransport } from './helpers/scripted-transport';
import { useFakeClock } from './helpers/setup';

afterEach(() => {
  vi.useRealTimers();
});

test('a storage whose removeItem throws still sends a delivered batch only once', async () => {
  useFakeClock();
  const inner = memoryStore();
  let removals = 0;
  const storage = {
    getItem: (key: string) => inner.getItem(key),
    setItem: (key: string, value: string) => inner.setItem(key, value),
    removeItem() {
      removals++;
      throw new Error('this storage cannot delete');
    },
  };
  const server = scriptedTransport();
  // Answer asynchronously, as a network does, so a resend loop shows as requests, not a hang.
  const accepting = server.transport;
  const client = createClient({
    key: 'pk_test',
    storage,
    transport: {
      send: (request) =>
        new Promise((resolve) => setTimeout(resolve, 10)).then(() => accepting.send(request)),
    },
  });

  const receipt = client.track('delivered once');
  await vi.advanceTimersByTimeAsync(1_000);

  await expect(receipt).resolves.toMatchObject({ status: 'sent' });
  expect(removals).toBeGreaterThan(0);
  expect(server.sentIds()).toEqual([(await receipt).id]);
  client.destroy();
});
