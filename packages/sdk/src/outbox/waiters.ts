import type { BatchResponse, Message } from '@rapport/protocol';
import type { Emitter } from '../emitter';
import { RapportError } from '../errors';
import type { WriteReceipt } from '../types';
import type { DropResult } from './queue';

/**
 * The writes still waiting to learn what became of their message, and the events that tell
 * the page: `sent`, `queued`, `dropped` and `error`.
 */
export interface Waiters {
  /** Resolves with the receipt of `message` once {@link Waiters.settle} is called for it. */
  wait(message: Message): Promise<WriteReceipt>;
  settle(id: string, outcome: WriteReceipt | RapportError): void;
  /** The server answered for `batch`: each message is sent, or rejected when `result` says so. */
  delivered(batch: Message[], result: BatchResponse): void;
  /** `message` will never be sent: an `error` event, and its write rejects with `error`. */
  failed(message: Message, error: RapportError): void;
  /** The queue's bounds dropped these (oldest) messages: a `dropped` event, and their writes reject. */
  dropped(dropped: DropResult | undefined): void;
  /** Every waiting write learns its message is stored but not yet acknowledged. */
  settleAllQueued(): void;
  /** Every waiting write fails with `error`. */
  rejectAll(error: RapportError): void;
}

interface Waiter {
  message: Message;
  resolve: (receipt: WriteReceipt) => void;
  reject: (error: RapportError) => void;
}

/** Creates the table of waiting writes; a `queued` receipt also emits the `queued` event. */
export function createWaiters(emitter: Emitter): Waiters {
  const waiting = new Map<string, Waiter>();
  const settle: Waiters['settle'] = (id, outcome) => {
    const waiter = waiting.get(id);
    if (!waiter) return;
    waiting.delete(id);
    if ('code' in outcome) waiter.reject(outcome);
    else waiter.resolve(outcome);
  };
  const failed: Waiters['failed'] = (message, error) => {
    emitter.emit('error', { error, message });
    settle(message.id, error);
  };
  return {
    wait: (message) =>
      new Promise((resolve, reject) => {
        waiting.set(message.id, { message, resolve, reject });
      }),
    settle,
    delivered(batch, result) {
      const rejected = new Map(result.rejected.map((entry) => [entry.id, entry]));
      for (const message of batch) {
        const entry = rejected.get(message.id);
        if (entry) {
          failed(message, new RapportError('rejected', `${entry.code}: ${entry.message}`));
          continue;
        }
        emitter.emit('sent', { message });
        settle(message.id, { id: message.id, status: 'sent' });
      }
    },
    failed,
    dropped(dropped) {
      if (!dropped) return;
      emitter.emit('dropped', dropped);
      const error = new RapportError('queue_full', 'The outbox was full; the oldest were dropped');
      for (const old of dropped.messages) settle(old.id, error);
    },
    settleAllQueued() {
      for (const [id, { message }] of waiting) {
        emitter.emit('queued', { message });
        settle(id, { id, status: 'queued' });
      }
    },
    rejectAll(error) {
      for (const id of [...waiting.keys()]) settle(id, error);
    },
  };
}
