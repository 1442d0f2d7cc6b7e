// @vitest-environment happy-dom
import { expect, test } from 'vitest';
import { createClient, memoryStore, memoryTransport, type TransportRequest } from '../src/index';

/** happy-dom's test controls on `window`. */
const happyDOM = (
  window as unknown as {
    happyDOM: {
      setURL(url: string): void;
      setViewport(size: { width: number; height: number }): void;
    };
  }
).happyDOM;

test('feedback without context gets url, user agent, viewport and locale from the page', async () => {
  happyDOM.setURL('https://shop.example.com/checkout?step=2');
  happyDOM.setViewport({ width: 390, height: 844 });
  const requests: TransportRequest[] = [];
  const client = createClient({
    key: 'pk_test',
    storage: memoryStore(),
    transport: memoryTransport((request) => {
      requests.push(request);
      return { status: 200, body: { accepted: 1, duplicates: 0, rejected: [] } };
    }),
  });

  const receipt = await client.feedback({ message: 'The coupon field is hidden', category: 'bug' });
  await client.feedback({
    message: 'Given context wins',
    context: {
      url: 'https://x.test/',
      userAgent: 'ua',
      viewport: { width: 1, height: 2 },
      locale: 'fr',
    },
  });

  expect(receipt.status).toBe('sent');
  const [auto, given] = requests.flatMap((r) => (r.body as { messages: unknown[] }).messages);
  expect(auto).toMatchObject({
    context: {
      url: 'https://shop.example.com/checkout?step=2',
      userAgent: navigator.userAgent,
      viewport: { width: 390, height: 844 },
      locale: navigator.language,
    },
  });
  expect(given).toMatchObject({ context: { url: 'https://x.test/', locale: 'fr' } });
  expect(requests[0]?.headers?.authorization).toBe('Bearer pk_test');
  client.destroy();
});
