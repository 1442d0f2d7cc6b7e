import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

/** A page with its own `online`/`pagehide` events and a beacon that records what it is given. */
function stubPage() {
  const beacons: string[] = [];
  const page = new EventTarget();
  vi.stubGlobal('window', page);
  vi.stubGlobal('navigator', {
    onLine: true,
    userAgent: 'test',
    sendBeacon: (_url: string, body: string) => {
      beacons.push(body);
      return true;
    },
  });
  return { page, beacons };
}

/** Storage holding a message an earlier page queued while the server was down. */
async function storageWithLeftovers() {
  const storage = memoryStore();
  fake.reply(() => new Response(null, { status: 503 }));
  const earlier = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  await earlier.feedback({ message: 'Left by an earlier page' });
  earlier.destroy();
  // The site has since added a consent banner: the visitor has not answered it yet.
  storage.removeItem('rapport:pk_test:consent');
  fake.requests.length = 0;
  fake.reply(() => new Response(JSON.stringify({ accepted: 1, duplicates: 0, rejected: [] })));
  return storage;
}

test.each(['pending', 'denied'] as const)(
  'with consent %s neither online nor pagehide sends anything',
  async (consent) => {
    const storage = await storageWithLeftovers();
    useFakeClock();
    const { page, beacons } = stubPage();
    if (consent === 'denied') storage.setItem('rapport:pk_test:consent', 'denied');
    const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage, consent });
    await vi.advanceTimersByTimeAsync(0);

    page.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(60_000);
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);

    expect(fake.requests).toHaveLength(0);
    expect(beacons).toHaveLength(0);
    client.destroy();
  },
);

test('once consent is granted the same leftovers do go out', async () => {
  const storage = await storageWithLeftovers();
  useFakeClock();
  stubPage();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage, consent: 'pending' });
  client.optIn();
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.requests.flatMap((r) => r.messages.map((m) => m.type))).toEqual(['feedback']);
  client.destroy();
});
