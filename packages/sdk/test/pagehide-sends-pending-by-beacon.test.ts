import type { Message } from '@rapport/protocol';
import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('on pagehide pending messages leave through sendBeacon in chunks of at most 64 KiB', async () => {
  useFakeClock();
  fake.reply(() => HttpResponse.error());
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
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const sent = vi.fn();
  client.on('sent', sent);
  const receipts = [];
  // ~4 KB each: 60 of them (~240 KB) cannot fit in one beacon.
  for (let i = 0; i < 60; i++)
    receipts.push(await client.feedback({ message: `${i} ${'é'.repeat(2000)}` }));
  expect(receipts.every((receipt) => receipt.status === 'queued')).toBe(true);

  page.dispatchEvent(new Event('pagehide'));
  await vi.advanceTimersByTimeAsync(0);

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
  expect(sent).toHaveBeenCalledTimes(60);
  expect(storage.getItem('rapport:pk_test:outbox')).toBeNull();
  client.destroy();
});
