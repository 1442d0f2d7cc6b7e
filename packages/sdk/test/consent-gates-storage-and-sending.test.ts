import { expect, test, vi } from 'vitest';
import { createClient, isRapportError, type KeyValueStorage, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer } from './helpers/setup';

const fake = useBatchServer();

/**
 * Records the keys written. It names its listing `storedKeys`, not `keys`: a storage with
 * `keys()` opts into per-tab outbox queues, and these tests read the one shared queue.
 */
function recordingStorage(): KeyValueStorage & { storedKeys(): string[] } {
  const inner = memoryStore();
  const keys = new Set<string>();
  return {
    getItem: (key) => inner.getItem(key),
    setItem(key, value) {
      keys.add(key);
      inner.setItem(key, value);
    },
    removeItem(key) {
      keys.delete(key);
      inner.removeItem(key);
    },
    storedKeys: () => [...keys],
  };
}

test('with consent pending nothing is stored or sent; optIn() starts sending', async () => {
  const storage = recordingStorage();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage, consent: 'pending' });
  const onConsent = vi.fn();
  client.on('consent', onConsent);

  const refused = await client.feedback({ message: 'Before consent' }).catch((e: unknown) => e);
  await client.track('clicked').catch(() => undefined);
  await client.flush();

  expect(isRapportError(refused) && refused.code).toBe('consent_required');
  expect(storage.storedKeys()).toEqual([]);
  expect(fake.requests).toHaveLength(0);

  client.optIn();
  const receipt = await client.feedback({ message: 'After consent' });
  expect(receipt.status).toBe('sent');
  expect(fake.receivedIds()).toEqual([receipt.id]);
  expect(onConsent).toHaveBeenCalledWith({ state: 'granted' });
  expect(storage.getItem('rapport:pk_test:consent')).toBe('granted');
  client.destroy();
});

test('optOut() clears the queue and the identity, and the denial survives a reload', async () => {
  const storage = recordingStorage();
  fake.reply(() => new Response(null, { status: 503 }));
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  await client.identify('user-7', { plan: 'pro' });
  await client.feedback({ message: 'Queued while the server is down' });
  const anonymousId = client.anonymousId;
  expect(storage.getItem('rapport:pk_test:outbox')).not.toBeNull();

  client.optOut();

  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  expect(storage.getItem('rapport:pk_test:identity')).toBeNull();
  expect(client.userId).toBeUndefined();
  expect(client.anonymousId).not.toBe(anonymousId);
  expect(client.consent).toBe('denied');
  client.destroy();

  const reloaded = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  expect(reloaded.consent).toBe('denied');
  const refused = await reloaded.track('x').catch((e: unknown) => e);
  expect(isRapportError(refused) && refused.code).toBe('consent_required');
  reloaded.destroy();
});
