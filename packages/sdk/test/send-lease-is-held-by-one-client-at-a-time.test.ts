import { expect, test } from 'vitest';
import { createLease } from '../src/outbox/lease';
import type { KeyValueStorage } from '../src/storage/key-value-storage';
import { memoryStore } from '../src/storage/memory-store';

const KEY = 'rapport:pk_test:lease';
let clock = 1_000_000;
const now = () => clock;
const leaseFor = (owner: string, storage: KeyValueStorage) =>
  createLease({ storage, storageKey: KEY, owner, durationMs: 30_000, now });

test('another client’s lease is respected until the moment it expires, then taken', () => {
  const storage = memoryStore();
  storage.setItem(KEY, JSON.stringify({ owner: 'other', expires: clock + 5_000 }));
  const mine = leaseFor('me', storage);
  expect(mine.acquire()).toBe(false);
  expect(mine.remaining()).toBe(5_000);
  clock += 5_000; // expires === now: no longer held
  expect(mine.remaining()).toBe(0);
  expect(mine.acquire()).toBe(true);
  expect(JSON.parse(storage.getItem(KEY) ?? '')).toEqual({ owner: 'me', expires: clock + 30_000 });
});

test.each([
  ['not JSON', '{not json'],
  ['without a string owner', JSON.stringify({ owner: 5, expires: Number.MAX_SAFE_INTEGER })],
  ['null', 'null'],
])('a stored lease that is %s holds nothing', (_name, raw) => {
  const storage = memoryStore();
  storage.setItem(KEY, raw);
  const mine = leaseFor('me', storage);
  expect(mine.remaining()).toBe(0);
  expect(mine.acquire()).toBe(true);
});

test('of two clients writing the lease at once, only the one whose write stuck goes ahead', () => {
  const inner = memoryStore();
  // The other tab's write lands right after ours, as when two tabs take the lease together.
  const racing: KeyValueStorage = {
    getItem: (key) => inner.getItem(key),
    removeItem: (key) => inner.removeItem(key),
    setItem(key, value) {
      inner.setItem(key, value);
      inner.setItem(KEY, JSON.stringify({ owner: 'other', expires: clock + 30_000 }));
    },
  };
  expect(leaseFor('me', racing).acquire()).toBe(false);
});

test('a lease write that storage silently drops is not taken for held', () => {
  const inner = memoryStore();
  const dropping: KeyValueStorage = {
    getItem: (key) => inner.getItem(key),
    removeItem: (key) => inner.removeItem(key),
    setItem() {},
  };
  expect(leaseFor('me', dropping).acquire()).toBe(false);
});

test('release frees only a lease this client holds', () => {
  const storage = memoryStore();
  const mine = leaseFor('me', storage);
  expect(mine.acquire()).toBe(true);
  mine.release();
  expect(storage.getItem(KEY)).toBeNull();
  storage.setItem(KEY, JSON.stringify({ owner: 'other', expires: clock + 30_000 }));
  mine.release();
  expect(storage.getItem(KEY)).not.toBeNull();
});
