import { expect, test } from 'vitest';
import { createClient, type KeyValueStorage, memoryTransport } from '../src/index';

/** A plain custom storage (not Web Storage), with or without `keys()`. */
function customStorage(listable: boolean): KeyValueStorage & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, value);
    },
    removeItem: (key) => {
      values.delete(key);
    },
    ...(listable && { keys: () => [...values.keys()] }),
  };
}

const offline = memoryTransport(() => {
  throw new TypeError('Failed to fetch');
});

const outboxKeys = (storage: { values: Map<string, string> }) =>
  [...storage.values.keys()].filter((key) => key.startsWith('rapport:pk_test:outbox'));

test('a custom storage that declares keys() gets a queue of its own per tab', async () => {
  const storage = customStorage(true);
  const client = createClient({ key: 'pk_test', transport: offline, beacon: offline, storage });
  await client.track('checkout');
  expect(outboxKeys(storage)).toEqual([expect.stringMatching(/^rapport:pk_test:outbox:.+/)]);
  client.destroy();
});

test('a custom storage without keys() keeps the one shared queue', async () => {
  const storage = customStorage(false);
  const client = createClient({ key: 'pk_test', transport: offline, beacon: offline, storage });
  await client.track('checkout');
  expect(outboxKeys(storage)).toEqual(['rapport:pk_test:outbox']);
  client.destroy();
});
