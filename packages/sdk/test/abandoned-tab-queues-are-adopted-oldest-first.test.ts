import type { Message } from '@rapport/protocol';
import { expect, test } from 'vitest';
import { findOrphans } from '../src/outbox/adopt-orphans';
import { createTabQueues } from '../src/outbox/tab-queues';
import type { ListableStorage } from '../src/storage/listable';
import { resilientStore } from '../src/storage/local-storage-store';
import { webStorage } from './helpers/web-storage';

const PREFIX = 'rapport:pk_test:outbox:';
const NOW = 10_000_000;
const message = (id: string) =>
  ({
    id,
    type: 'track',
    event: 'e',
    timestamp: '2026-12-02T12:00:00.000Z',
    anonymousId: 'a',
  }) as Message;
const released = (heartbeat: number, ...ids: string[]) =>
  JSON.stringify({ heartbeat, released: true, messages: ids.map(message) });

function storageWith(entries: Record<string, string>) {
  const web = webStorage();
  for (const [key, value] of Object.entries(entries)) web.setItem(key, value);
  return { web, storage: resilientStore(web) as ListableStorage };
}

test('released queues are taken oldest heartbeat first, whatever order storage lists them in', () => {
  const { storage } = storageWith({
    [`${PREFIX}newer`]: released(NOW - 1_000, 'n1', 'n2'),
    [`${PREFIX}older`]: released(NOW - 9_000, 'o1'),
    [`${PREFIX}middle`]: released(NOW - 5_000, 'm1'),
  });
  const found = findOrphans(storage, PREFIX, `${PREFIX}mine`, NOW);
  expect(found.messages.map(({ id }) => id)).toEqual(['o1', 'm1', 'n1', 'n2']);
  expect(found.keys.sort()).toEqual([`${PREFIX}middle`, `${PREFIX}newer`, `${PREFIX}older`]);
});

test('only other tabs’ outbox keys are looked at: this tab’s queue and every other key are left', () => {
  const { storage } = storageWith({
    [`${PREFIX}mine`]: released(NOW - 9_000, 'mine'),
    'rapport:pk_test:consent': 'granted',
    'rapport:pk_test:identity': '{"anonymousId":"a"}',
    'host-app:cart': '[1,2]',
  });
  expect(findOrphans(storage, PREFIX, `${PREFIX}mine`, NOW)).toStrictEqual({
    keys: [],
    messages: [],
  });
});

test('an unreadable queue key is taken for removal, and readable ones beside it still give their messages', () => {
  const { storage } = storageWith({
    [`${PREFIX}corrupt`]: '{not json',
    [`${PREFIX}b`]: released(NOW - 2_000, 'b1'),
    [`${PREFIX}a`]: released(NOW - 3_000, 'a1'),
  });
  const found = findOrphans(storage, PREFIX, `${PREFIX}mine`, NOW);
  expect(found.keys).toContain(`${PREFIX}corrupt`);
  expect(found.messages.map(({ id }) => id)).toEqual(['a1', 'b1']);
});

test('with nothing abandoned, adopting finds nothing and writes nothing', () => {
  const { web, storage } = storageWith({ 'rapport:pk_test:consent': 'granted' });
  const tabs = createTabQueues({
    storage,
    prefix: 'rapport:pk_test:',
    maxMessages: 10,
    maxBytes: 100_000,
    now: () => NOW,
  });
  expect(tabs.adopt()).toStrictEqual({ adopted: [], dropped: undefined });
  expect(web.length).toBe(1);
});

test('adopting takes the lease for the move and gives it back after', () => {
  const { web, storage } = storageWith({ [`${PREFIX}closed`]: released(NOW - 1_000, 'c1') });
  const tabs = createTabQueues({
    storage,
    prefix: 'rapport:pk_test:',
    maxMessages: 10,
    maxBytes: 100_000,
    now: () => NOW,
  });
  expect(tabs.adopt().adopted.map(({ id }) => id)).toEqual(['c1']);
  expect(tabs.queue.read().map(({ id }) => id)).toEqual(['c1']);
  expect(web.getItem(`${PREFIX}closed`)).toBeNull();
  expect(web.getItem('rapport:pk_test:lease')).toBeNull();
});

test('while another tab holds the lease, nothing is adopted and the abandoned queue stays', () => {
  const { web, storage } = storageWith({
    [`${PREFIX}closed`]: released(NOW - 1_000, 'c1'),
    'rapport:pk_test:lease': JSON.stringify({ owner: 'other-tab', expires: NOW + 20_000 }),
  });
  const tabs = createTabQueues({
    storage,
    prefix: 'rapport:pk_test:',
    maxMessages: 10,
    maxBytes: 100_000,
    now: () => NOW,
  });
  expect(tabs.adopt()).toStrictEqual({ adopted: [], dropped: undefined });
  expect(tabs.queue.read()).toEqual([]);
  expect(web.getItem(`${PREFIX}closed`)).not.toBeNull();
});

test('clearing removes every tab’s outbox key and no other key', () => {
  const { web, storage } = storageWith({
    [`${PREFIX}closed`]: released(NOW - 1_000, 'c1'),
    [`${PREFIX}live`]: JSON.stringify({
      heartbeat: NOW,
      released: false,
      messages: [message('l1')],
    }),
    'rapport:pk_test:consent': 'granted',
    'rapport:pk_other:outbox:x': released(NOW, 'x1'),
    'host-app:rapport:pk_test:outbox:': 'theirs',
  });
  const tabs = createTabQueues({
    storage,
    prefix: 'rapport:pk_test:',
    maxMessages: 10,
    maxBytes: 100_000,
    now: () => NOW,
  });
  tabs.queue.append(message('own'));
  tabs.clearAll();
  const keys = Array.from({ length: web.length }, (_, i) => web.key(i)).sort();
  expect(keys).toEqual([
    'host-app:rapport:pk_test:outbox:',
    'rapport:pk_other:outbox:x',
    'rapport:pk_test:consent',
  ]);
});
