import type { Message } from '@rapport/protocol';
import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore, type WriteReceipt } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

function stubPage() {
  const beacons: { url: string; body: string }[] = [];
  const page = new EventTarget();
  vi.stubGlobal('window', page);
  vi.stubGlobal('navigator', {
    onLine: true,
    userAgent: 'test',
    sendBeacon: (url: string, body: string) => {
      beacons.push({ url, body });
      return true;
    },
  });
  return { page, beacons };
}

test('on pagehide pending messages leave through sendBeacon in chunks of at most 64 KiB', async () => {
  useFakeClock();
  // The page is closing while its requests are still open: they never get an answer.
  fake.reply(() => new Promise<Response>(() => {}));
  const { page, beacons } = stubPage();
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const sent = vi.fn();
  client.on('sent', sent);
  const writes: Promise<WriteReceipt>[] = [];
  // ~4 KB each: 60 of them (~240 KB) cannot fit in one beacon.
  for (let i = 0; i < 60; i++)
    writes.push(client.feedback({ message: `${i} ${'é'.repeat(2000)}` }));
  await vi.advanceTimersByTimeAsync(0);

  page.dispatchEvent(new Event('pagehide'));
  const receipts = await Promise.all(writes);

  expect(beacons.length).toBeGreaterThan(3);
  for (const beacon of beacons) {
    expect(new TextEncoder().encode(beacon.body).length).toBeLessThanOrEqual(64 * 1024);
    expect(beacon.url).toBe(`${ENDPOINT}/v1/batch?key=pk_test`);
  }
  const beaconed = beacons.flatMap((b) =>
    (JSON.parse(b.body).messages as Message[]).map((m) => m.id),
  );
  expect(beaconed).toEqual(receipts.map((receipt) => receipt.id));
  // A beacon the browser accepted counts as sent: nothing is left to send again.
  expect(receipts.every((receipt) => receipt.status === 'sent')).toBe(true);
  expect(sent).toHaveBeenCalledTimes(60);
  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  client.destroy();
});

test('while the network is failing, pagehide keeps the messages for the next page instead', async () => {
  useFakeClock();
  fake.reply(() => HttpResponse.error());
  const { page, beacons } = stubPage();
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const receipt = await client.feedback({ message: 'Written on a train' });
  expect(receipt.status).toBe('queued');

  page.dispatchEvent(new Event('pagehide'));
  await vi.advanceTimersByTimeAsync(0);

  // sendBeacon would say "accepted" and then fail silently offline: the message would be lost.
  expect(beacons).toHaveLength(0);
  expect(storage.getItem('rapport:pk_test:outbox')).toContain(receipt.id);
  client.destroy();
});
