import { MAX_BATCH_MESSAGES, MAX_BODY_BYTES, type Message } from '@rapport/protocol';
import { expect, test } from 'vitest';
import { buildTrack } from '../src/build-messages';
import { splitIntoBatches } from '../src/outbox/batches';
import { batchBody } from '../src/outbox/send-batch';

const message = (i: number): Message =>
  ({
    id: `m${String(i).padStart(4, '0')}`,
    type: 'track',
    event: 'e',
    timestamp: '2026-12-02T12:00:00.000Z',
    anonymousId: 'anon',
  }) as Message;

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;
const ids = (batches: Message[][]) => batches.map((batch) => batch.map(({ id }) => id));

// The split counts 64 bytes of envelope plus each message and one comma: a budget of exactly
// that for three messages takes three, one byte less takes two.
const size = bytes(message(0));
const three = 64 + 3 * (size + 1);

test('a byte budget that three messages fill exactly takes all three in one batch', () => {
  const messages = [0, 1, 2].map(message);
  expect(ids(splitIntoBatches(messages, three))).toEqual([['m0000', 'm0001', 'm0002']]);
});

test('a byte budget one byte short of three messages takes two, then starts a new batch', () => {
  const messages = [0, 1, 2, 3].map(message);
  expect(ids(splitIntoBatches(messages, three - 1))).toEqual([
    ['m0000', 'm0001'],
    ['m0002', 'm0003'],
  ]);
  // Counting the commas as a byte less each would have let three in.
  expect(ids(splitIntoBatches(messages, three - 2))).toHaveLength(2);
});

test('every batch body fits the byte budget it was split for', () => {
  const messages = Array.from({ length: 40 }, (_, i) => message(i));
  for (const budget of [three, 700, 1024, 4096]) {
    const batches = splitIntoBatches(messages, budget);
    expect(batches.flat()).toEqual(messages);
    for (const batch of batches) {
      expect(bytes(batchBody(batch, Date.parse('2026-12-02T12:00:00Z')))).toBeLessThanOrEqual(
        budget,
      );
    }
  }
});

test(`at most ${MAX_BATCH_MESSAGES} messages go in one batch, in order`, () => {
  const messages = Array.from({ length: 2 * MAX_BATCH_MESSAGES + 1 }, (_, i) => message(i));
  const batches = splitIntoBatches(messages);
  expect(batches.map((batch) => batch.length)).toEqual([MAX_BATCH_MESSAGES, MAX_BATCH_MESSAGES, 1]);
  expect(batches.flat()).toEqual(messages);
});

test('nothing to send makes no batch', () => {
  expect(splitIntoBatches([])).toEqual([]);
});

test('a message the SDK accepts always fits alone in a batch body; a larger one is refused', () => {
  const from = { anonymousId: 'anon', userId: undefined };
  let accepted = 0;
  let refused = 0;
  // Message sizes from below to above the body limit, byte by byte around it.
  for (let pad = MAX_BODY_BYTES - 400; pad < MAX_BODY_BYTES; pad++) {
    let built: Message;
    try {
      built = buildTrack(from, 'big', { blob: 'x'.repeat(pad) });
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_argument' });
      refused++;
      continue;
    }
    accepted++;
    expect(bytes(batchBody([built], Date.now()))).toBeLessThanOrEqual(MAX_BODY_BYTES);
  }
  expect(accepted).toBeGreaterThan(0);
  expect(refused).toBeGreaterThan(0);
});
