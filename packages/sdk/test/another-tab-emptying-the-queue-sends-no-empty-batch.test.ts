import { expect, test } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import type { KeyValueStorage } from '../src/storage/key-value-storage';
import { scriptedTransport } from './helpers/scripted-transport';

test('when another tab sends the shared queue while this one takes the lease, no empty batch goes out', async () => {
  const inner = memoryStore();
  let emptied = false;
  // Another tab sends everything just as this one takes the lease.
  const storage: KeyValueStorage = {
    getItem: (key) => inner.getItem(key),
    removeItem: (key) => inner.removeItem(key),
    setItem(key, value) {
      inner.setItem(key, value);
      if (key === 'rapport:pk_test:lease' && !emptied) {
        emptied = true;
        inner.removeItem('rapport:pk_test:outbox');
      }
    },
  };
  const server = scriptedTransport();
  const client = createClient({ key: 'pk_test', storage, transport: server.transport });
  await expect(client.track('a')).resolves.toMatchObject({ status: 'queued' });
  expect(server.requests).toHaveLength(0);
  client.destroy();
});
