import type { Message } from '@rapport/protocol';
import type { Emitter } from '../emitter';
import type { RapportError } from '../errors';
import type { WriteReceipt } from '../types';

/** The writes still waiting to learn whether their message was sent or stays queued. */
export interface Waiters {
  /** Resolves with the receipt of `message` once {@link Waiters.settle} is called for it. */
  wait(message: Message): Promise<WriteReceipt>;
  settle(id: string, outcome: WriteReceipt | RapportError): void;
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
  return {
    wait: (message) =>
      new Promise((resolve, reject) => {
        waiting.set(message.id, { message, resolve, reject });
      }),
    settle,
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
