import type { Message } from '@rapport/protocol';
import { HttpResponse } from 'msw';
import { afterEach, expect, test } from 'vitest';
import { createClient, createClientWith, fetchTransport, memoryStore } from '../src/index';
import { ENDPOINT } from './helpers/batch-server';
import { useBatchServer } from './helpers/setup';

const fake = useBatchServer();
const proto = Array.prototype as { toJSON?: () => string };

afterEach(() => {
  delete proto.toJSON;
});

/** What Prototype.js (still on many older sites) does: arrays serialise as a JSON string. */
function installPrototypeJsToJson() {
  Object.defineProperty(Array.prototype, 'toJSON', {
    configurable: true,
    writable: true,
    value(this: unknown[]) {
      return `[${this.map((item) => JSON.stringify(item)).join(',')}]`;
    },
  });
}

test.each([
  ['httpTransport (ky)', createClient],
  ['fetchTransport', createClientWith(fetchTransport)],
])(
  'with %s, a page whose Array.prototype.toJSON returns strings still sends a real array',
  async (_, create) => {
    installPrototypeJsToJson();
    const client = create({ key: 'pk_test', endpoint: ENDPOINT, storage: memoryStore() });

    const receipt = await client.track('Checkout', { items: ['a', 'b'] });

    expect(receipt.status).toBe('sent');
    const [request] = fake.requests;
    expect(Array.isArray(request?.messages)).toBe(true);
    expect(request?.messages[0]).toMatchObject({
      event: 'Checkout',
      properties: { items: ['a', 'b'] },
    });
    client.destroy();
  },
);

test('with such a page, a message waiting in storage is still read back', async () => {
  installPrototypeJsToJson();
  let calls = 0;
  fake.reply((messages: Message[]) =>
    ++calls === 1
      ? new HttpResponse(null, { status: 503 })
      : HttpResponse.json({ accepted: messages.length, duplicates: 0, rejected: [] }),
  );
  const storage = memoryStore();
  const client = createClient({ key: 'pk_test', endpoint: ENDPOINT, storage });
  const receipt = await client.track('Checkout');
  expect(receipt.status).toBe('queued');

  const result = await client.flush();

  expect(result?.accepted).toBe(1);
  expect(fake.requests[1]?.messages.map(({ id }) => id)).toEqual([receipt.id]);
  client.destroy();
});
