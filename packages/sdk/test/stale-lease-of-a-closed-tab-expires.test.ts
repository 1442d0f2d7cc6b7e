import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('a lease left by a tab that closed mid-send blocks others only until it expires', async () => {
  useFakeClock();
  const storage = memoryStore();
  storage.setItem(
    'rapport:pk_test:lease',
    JSON.stringify({ owner: 'closed-tab', expires: Date.now() + 30_000 }),
  );
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const sent = vi.fn();
  client.on('sent', sent);

  const receipt = await client.track('while-locked');
  expect(receipt.status).toBe('queued');
  await vi.advanceTimersByTimeAsync(29_000);
  expect(fake.requests).toHaveLength(0);

  await vi.advanceTimersByTimeAsync(3_000);
  expect(fake.receivedIds()).toEqual([receipt.id]);
  expect(sent).toHaveBeenCalledTimes(1);
  expect(storage.getItem('rapport:pk_test:lease')).toBeNull();
  client.destroy();
});
