import { HttpResponse } from 'msw';
import { afterEach, expect, test, vi } from 'vitest';
import { createClient, memoryStore, type RapportClient } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useJsonServer } from './helpers/json-server';
import { webStorage } from './helpers/web-storage';

const server = useJsonServer();
afterEach(() => {
  vi.unstubAllGlobals();
});

test('a script-tag page that passes no options at all still gets a working client', () => {
  const client = createClient(undefined as never);
  expect(client.key).toBe('');
  expect(client.consent).toBe('granted');
  client.destroy();
});

test('a consent answer stored by an earlier page wins over the consent option', () => {
  const storage = memoryStore();
  storage.setItem('rapport:pk_test:consent', 'granted');
  const granted = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage, consent: 'pending' });
  expect(granted.consent).toBe('granted');
  granted.destroy();
  storage.setItem('rapport:pk_test:consent', 'denied');
  const denied = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage, consent: 'granted' });
  expect(denied.consent).toBe('denied');
  denied.destroy();
});

test('without a storage option, the client keeps its state in localStorage', async () => {
  const local = webStorage();
  vi.stubGlobal('localStorage', local);
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, consent: 'pending' });
  client.optIn();
  expect(local.getItem('rapport:pk_test:consent')).toBe('granted');
  client.destroy();
});

test('a page where touching localStorage throws still gets a working client', () => {
  Object.defineProperty(globalThis, 'localStorage', {
    configurable: true,
    get() {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
  });
  try {
    const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, consent: 'pending' });
    client.optIn();
    expect(client.consent).toBe('granted');
    client.destroy();
  } finally {
    delete (globalThis as { localStorage?: unknown }).localStorage;
  }
});

test.each([0, -5, Number.NaN, '2'])(
  'outbox option maxMessages %j is ignored for the default',
  async (value) => {
    vi.stubGlobal('navigator', { onLine: false, userAgent: 'test' });
    const client = createClient({
      key: 'pk_test',
      endpoint: ENDPOINT,
      storage: memoryStore(),
      outbox: { maxMessages: value as number },
    });
    const dropped = vi.fn();
    client.on('dropped', dropped);
    for (let i = 0; i < 3; i++) await client.track(`event-${i}`);
    expect(dropped).not.toHaveBeenCalled();
    client.destroy();
  },
);

test('optIn keeps the anonymous id for the next page; optIn and optOut after destroy change nothing', async () => {
  const storage = memoryStore();
  const first = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage, consent: 'pending' });
  first.optIn();
  const next = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  expect(next.anonymousId).toBe(first.anonymousId);
  first.destroy();
  next.destroy();

  const gone = createClient({
    key: 'pk_test',
    endpoint: ENDPOINT,
    storage: memoryStore(),
    consent: 'pending',
  });
  gone.destroy();
  gone.optIn();
  expect(gone.consent).toBe('pending');
  const kept = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  kept.destroy();
  kept.optOut();
  expect(kept.consent).toBe('granted');
});

function pageClient(): { client: RapportClient; page: EventTarget } {
  const page = new EventTarget();
  vi.stubGlobal('window', page);
  vi.stubGlobal('navigator', { onLine: true, userAgent: 'test' });
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });
  return { client, page };
}

test('online, offline, reset and identify reach listeners with their payloads', async () => {
  server.answer('POST /v1/batch', () =>
    HttpResponse.json({ accepted: 1, duplicates: 0, rejected: [] }),
  );
  const { client, page } = pageClient();
  const heard: [string, unknown][] = [];
  for (const event of ['online', 'offline', 'reset', 'identify'] as const) {
    client.on(event, (payload) => heard.push([event, payload]));
  }
  page.dispatchEvent(new Event('offline'));
  page.dispatchEvent(new Event('online'));
  await client.identify('user-1');
  await client.identify('user-2', { plan: 'pro' });
  client.reset();
  expect(heard).toStrictEqual([
    ['offline', {}],
    ['online', {}],
    ['identify', { userId: 'user-1' }],
    ['identify', { userId: 'user-2', traits: { plan: 'pro' } }],
    ['reset', {}],
  ]);
  client.destroy();
});
