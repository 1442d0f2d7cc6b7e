import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { accept, ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('two clients sharing one storage deliver every message exactly once, never in flight from both', async () => {
  useFakeClock();
  let inFlight = 0;
  let maxInFlight = 0;
  fake.reply(async (messages) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await Promise.resolve(); // let the other tab run while this request is open
    await new Promise((resolve) => setImmediate(resolve));
    inFlight--;
    return accept(messages);
  });
  const storage = memoryStore();
  const tabA = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const tabB = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  expect(tabB.anonymousId).toBe(tabA.anonymousId);

  const writes = [];
  for (let i = 0; i < 30; i++) {
    const tab = i % 2 === 0 ? tabA : tabB;
    writes.push(tab.track('clicked', { i }));
  }
  const receipts = await Promise.all(writes);
  await vi.advanceTimersByTimeAsync(60_000);
  await Promise.all([tabA.flush(), tabB.flush()]);

  const ids = fake.receivedIds();
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.sort()).toEqual(receipts.map((receipt) => receipt.id).sort());
  expect(maxInFlight).toBe(1);
  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  tabA.destroy();
  tabB.destroy();
});
