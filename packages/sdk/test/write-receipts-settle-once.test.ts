import type { Message } from '@rapport/protocol';
import { expect, test, vi } from 'vitest';
import { createEmitter } from '../src/emitter';
import { RapportError } from '../src/errors';
import { createWaiters } from '../src/outbox/waiters';

const message = (id: string) =>
  ({
    id,
    type: 'track',
    event: 'e',
    timestamp: '2026-12-02T12:00:00.000Z',
    anonymousId: 'a',
  }) as Message;

test('a write settled with an error rejects with that error; one settled with a receipt resolves', async () => {
  const waiters = createWaiters(createEmitter());
  const failed = waiters.wait(message('a'));
  const sent = waiters.wait(message('b'));
  const error = new RapportError('rejected', 'invalid_argument: bad');
  waiters.settle('a', error);
  waiters.settle('b', { id: 'b', status: 'sent' });
  await expect(failed).rejects.toBe(error);
  await expect(sent).resolves.toEqual({ id: 'b', status: 'sent' });
});

test('each write still waiting is told it is queued, and the queued event carries its message', async () => {
  const emitter = createEmitter();
  const queued = vi.fn();
  emitter.on('queued', queued);
  const waiters = createWaiters(emitter);
  const receipts = [waiters.wait(message('a')), waiters.wait(message('b'))];
  waiters.settleAllQueued();
  await expect(Promise.all(receipts)).resolves.toEqual([
    { id: 'a', status: 'queued' },
    { id: 'b', status: 'queued' },
  ]);
  expect(queued.mock.calls).toEqual([[{ message: message('a') }], [{ message: message('b') }]]);
});

test('rejectAll fails every write still waiting, and only once', async () => {
  const waiters = createWaiters(createEmitter());
  const receipts = [waiters.wait(message('a')), waiters.wait(message('b'))];
  const error = new RapportError('consent_required', 'Discarded: consent was withdrawn');
  const outcomes: unknown[] = ['waiting', 'waiting'];
  receipts.forEach((receipt, i) => {
    receipt.then(
      () => (outcomes[i] = 'resolved'),
      (reason) => (outcomes[i] = reason),
    );
  });
  waiters.rejectAll(error);
  // One macrotask is ample for settled promises: a write left waiting fails here, not by timeout.
  await new Promise((resolve) => setImmediate(resolve));
  expect(outcomes).toEqual([error, error]);
  // Settled writes are forgotten: a late answer for them changes nothing.
  waiters.settle('a', { id: 'a', status: 'sent' });
});
