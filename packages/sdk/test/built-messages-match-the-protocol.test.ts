import {
  batchRequestSchema,
  feedbackMessageSchema,
  trackMessageSchema,
} from '@rapport/protocol/schemas';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import {
  createClient,
  isRapportError,
  memoryStore,
  memoryTransport,
  type TransportRequest,
} from '../src/index';

function capturingClient() {
  const batches: unknown[] = [];
  const client = createClient({
    key: 'pk_test',
    storage: memoryStore(),
    transport: memoryTransport((request: TransportRequest) => {
      batches.push(request.body);
      const { messages } = request.body as { messages: unknown[] };
      return { status: 200, body: { accepted: messages.length, duplicates: 0, rejected: [] } };
    }),
  });
  return { client, batches };
}

test('every kind of message the SDK builds passes the server’s batch schema', async () => {
  const { client, batches } = capturingClient();
  await client.identify('user 42 ✓', { plan: 'pro', seats: 3 }, { userHash: 'c'.repeat(64) });
  await client.track('checkout_started', { cart: { items: 2 }, coupon: null });
  await client.page({ url: 'https://shop.example.com/', title: 'Shop', referrer: '' });
  await client.feedback({
    message: 'Great',
    category: 'praise',
    email: 'ana@example.com',
    rating: 5,
  });
  await client.surveys.respond('nps-1', {
    score: 9,
    comment: 'Fast',
    answers: { reason: 'speed' },
  });
  await client.surveys.dismiss('csat-2');

  expect(batches).toHaveLength(6);
  for (const batch of batches) expect(batchRequestSchema.safeParse(batch).error).toBeUndefined();
  client.destroy();
});

/** Resolves to the message the SDK sent, or to the RapportError it rejected with. */
async function outcome(batches: unknown[], write: () => Promise<unknown>) {
  const before = batches.length;
  try {
    await write();
  } catch (error) {
    expect(isRapportError(error) && error.code).toBe('invalid_argument');
    expect(batches.length).toBe(before);
    return 'refused';
  }
  return (batches.at(-1) as { messages: unknown[] }).messages[0];
}

test('feedback: the SDK accepts exactly what the server schema accepts', async () => {
  const { client, batches } = capturingClient();
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.string({ maxLength: 20 }), fc.constant(' \n '), fc.constant('x'.repeat(5001))),
      fc.option(fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 })), { nil: undefined }),
      fc.option(fc.integer({ min: -1, max: 7 }), { nil: undefined }),
      async (message, email, rating) => {
        const sent = await outcome(batches, () => client.feedback({ message, email, rating }));
        const expected = feedbackMessageSchema.safeParse({
          id: 'probe',
          type: 'feedback',
          timestamp: new Date().toISOString(),
          anonymousId: client.anonymousId,
          message,
          ...(email === undefined ? {} : { email }),
          ...(rating === undefined ? {} : { rating }),
        }).success;
        expect(sent === 'refused' ? false : feedbackMessageSchema.safeParse(sent).success).toBe(
          expected,
        );
      },
    ),
    { numRuns: 150 },
  );
  client.destroy();
});

test('track: event names and properties are judged as the server judges them', async () => {
  const { client, batches } = capturingClient();
  await fc.assert(
    fc.asyncProperty(
      fc.oneof(fc.string({ maxLength: 210 }), fc.constant('  ')),
      fc.option(fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })), {
        nil: undefined,
      }),
      async (event, properties) => {
        const sent = await outcome(batches, () => client.track(event, properties));
        const probe = JSON.parse(
          JSON.stringify({
            id: 'probe',
            type: 'track',
            timestamp: new Date().toISOString(),
            anonymousId: client.anonymousId,
            event,
            properties,
          }),
        );
        // The SDK is stricter in one way only: a blank event name is refused as a mistake.
        const expected = trackMessageSchema.safeParse(probe).success && event.trim() !== '';
        expect(sent !== 'refused').toBe(expected);
      },
    ),
    { numRuns: 150 },
  );
  client.destroy();
});
