import { expect, test } from 'vitest';
import { createClient, type KeyValueStorage } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer } from './helpers/setup';

const fake = useBatchServer();

/** A storage that is full: every write throws the browser's QuotaExceededError. */
function fullStorage(): KeyValueStorage & { writes: number } {
  const store = {
    writes: 0,
    getItem: () => null,
    setItem() {
      store.writes++;
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
    removeItem() {},
  };
  return store;
}

test('a storage that throws QuotaExceededError falls back to memory: no throw, still delivered', async () => {
  const storage = fullStorage();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });

  const receipt = await client.feedback({ message: 'Storage is full but I still count' });
  const identified = await client.identify('user-42');

  expect(storage.writes).toBeGreaterThan(0);
  expect(receipt.status).toBe('sent');
  expect(identified.status).toBe('sent');
  expect(client.userId).toBe('user-42');
  expect(fake.receivedIds()).toEqual([receipt.id, identified.id]);
  client.destroy();
});
