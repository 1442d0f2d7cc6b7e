import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { accept, ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

test('a write made while the browser is offline is kept, not sent, until online', async () => {
  useFakeClock();
  // The first slow retry while offline is jittered over 0–1 s; pin it at 500 ms so it cannot
  // land inside the 100 ms this test watches (it did, one run in ten, and sent).
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  const page = new EventTarget();
  const navigator = { onLine: false, userAgent: 'test' };
  vi.stubGlobal('window', page);
  vi.stubGlobal('navigator', navigator);
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });

  const receipts = await Promise.all([
    client.feedback({ message: 'On the train' }),
    client.feedback({ message: 'Still on the train' }),
  ]);
  // Real turns of the event loop as well as fake time: msw answers a request (and records
  // it) only after real I/O, so a send made while offline would otherwise go unseen.
  for (let turn = 0; turn < 10; turn++) {
    await vi.advanceTimersByTimeAsync(10);
    await new Promise((resolve) => setImmediate(resolve));
  }

  expect(receipts.map((r) => r.status)).toEqual(['queued', 'queued']);
  expect(fake.requests).toHaveLength(0);

  navigator.onLine = true;
  page.dispatchEvent(new Event('online'));
  await vi.advanceTimersByTimeAsync(0);
  expect(fake.requests).toHaveLength(1);
  expect(fake.receivedIds()).toEqual(receipts.map((r) => r.id));
  client.destroy();
});

test('a write made while a retry is scheduled waits for that retry and goes with it', async () => {
  useFakeClock();
  vi.spyOn(Math, 'random').mockReturnValue(1);
  let calls = 0;
  fake.reply((messages) =>
    ++calls === 1 ? new HttpResponse(null, { status: 500 }) : accept(messages),
  );
  const client = createClient({
    key: 'pk_test',
    endpoint: ENDPOINT,
    storage: memoryStore(),
    outbox: { retryBaseMs: 1000, retryCapMs: 1000 },
  });

  const first = await client.feedback({ message: 'First' });
  expect(first.status).toBe('queued');
  const second = await client.feedback({ message: 'Second, during the back-off' });
  await vi.advanceTimersByTimeAsync(999);
  // Only the failed attempt so far: the new write did not jump the back-off.
  expect(fake.requests).toHaveLength(1);

  await vi.advanceTimersByTimeAsync(1);
  expect(fake.requests).toHaveLength(2);
  expect(fake.requests[1]?.messages.map((m) => m.id)).toEqual([first.id, second.id]);
  client.destroy();
});
