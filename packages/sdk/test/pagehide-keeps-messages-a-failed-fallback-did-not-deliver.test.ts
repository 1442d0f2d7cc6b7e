import { HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createClient, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer, useFakeClock } from './helpers/setup';

const fake = useBatchServer();

/** A page whose browser refuses every beacon, so pagehide falls back to a keepalive fetch. */
function stubPageRefusingBeacons() {
  const page = new EventTarget();
  vi.stubGlobal('window', page);
  vi.stubGlobal('navigator', { onLine: true, userAgent: 'test', sendBeacon: () => false });
  return page;
}

test.each([500, 503, 429])(
  'a keepalive fallback answered %i leaves the messages in the outbox',
  async (status) => {
    useFakeClock();
    // The ordinary send never answers (the page is closing), so the message is still queued.
    fake.reply(() => new Promise<Response>(() => {}));
    const page = stubPageRefusingBeacons();
    const storage = memoryStore();
    const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
    const sent = vi.fn();
    client.on('sent', sent);
    void client.feedback({ message: 'Typed just before closing the tab' });
    await vi.advanceTimersByTimeAsync(0);

    fake.reply(() =>
      HttpResponse.json({ error: { code: 'unavailable', message: 'x' } }, { status }),
    );
    page.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);

    // The ordinary send, then the keepalive fallback of the refused beacon.
    expect(fake.requests).toHaveLength(2);
    // Only an acknowledged answer may remove a message: the next page sends it again.
    expect(sent).not.toHaveBeenCalled();
    expect(storage.getItem('rapport:pk_test:outbox')).toContain(
      'Typed just before closing the tab',
    );
    client.destroy();
  },
);
