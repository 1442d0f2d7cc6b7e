import type { BatchResponse, Message } from '@rapport/protocol';
import type { Emitter } from '../emitter';
import { RapportError } from '../errors';
import type { Transport } from '../transports/transport';
import { splitIntoBatches } from './batches';
import { classifyResponse } from './classify-response';
import type { RetryClock } from './retry-clock';
import { sendBatch } from './send-batch';
import type { TabQueues } from './tab-queues';
import type { Waiters } from './waiters';

/** While another tab holds the send lease, look again this often in case it went quiet. */
const LEASE_POLL_MS = 2_000;

/** What the send loop works with, all owned by the outbox. */
export interface SendLoopParts {
  transport: Transport;
  /** Headers for every batch (the client's `Authorization`). */
  headers: () => Record<string, string>;
  emitter: Emitter;
  now: () => number;
  tabs: TabQueues;
  clock: RetryClock;
  waiters: Waiters;
  /** Takes over what closed or crashed tabs left. */
  adopt: () => unknown;
  /** False once the client may not send (consent withdrawn, destroyed): a run then stops. */
  isActive: () => boolean;
}

/** Sends the queue, oldest batch first, one run at a time. */
export interface SendLoop {
  /** Starts a run, or one more after the run in progress; resolves with what it delivered. */
  request(): Promise<BatchResponse | undefined>;
  isRunning(): boolean;
}

/**
 * Creates the send loop. A run sends batch after batch under the send lease until the queue is
 * empty, a batch fails (the retry clock then schedules the next run) or the client stops.
 */
export function createSendLoop(parts: SendLoopParts): SendLoop {
  const { tabs, clock, waiters, now, isActive } = parts;
  const { queue, sendLease } = tabs;
  let running: Promise<BatchResponse | undefined> | undefined;
  let rerun: Promise<BatchResponse | undefined> | undefined;

  /** Sends the oldest batch; returns its result, or undefined when the run must stop. */
  const sendOldestBatch = async (batch: Message[]): Promise<BatchResponse | undefined> => {
    let outcome: ReturnType<typeof classifyResponse>;
    try {
      const response = await sendBatch(parts.transport, batch, parts.headers(), now());
      outcome = classifyResponse(response, batch.length, now());
    } catch {
      clock.backOff();
      return undefined;
    }
    if (outcome.kind === 'retry') {
      clock.backOff(outcome.retryAfterMs);
      return undefined;
    }
    clock.resetAttempts();
    queue.remove(new Set(batch.map((message) => message.id)));
    if (outcome.kind === 'delivered') {
      waiters.delivered(batch, outcome.result);
      return outcome.result;
    }
    // Any other 4xx: the same bytes would fail again, so drop them and say why.
    const { error } = outcome;
    for (const message of batch) waiters.failed(message, error);
    return {
      accepted: 0,
      duplicates: 0,
      rejected: batch.map(({ id }) => ({ id, code: error.code, message: error.message })),
    };
  };

  const run = async (): Promise<BatchResponse | undefined> => {
    if (!isActive()) return undefined;
    if (clock.waitLeft() > 0) {
      clock.schedule(clock.waitLeft());
      return undefined;
    }
    parts.adopt();
    let summary: BatchResponse | undefined;
    try {
      // An empty queue needs no lease: a page load with nothing to send writes nothing.
      while (isActive() && queue.read().length > 0) {
        // Renewing before every batch keeps a long flush's lease alive.
        if (!sendLease.acquire()) {
          clock.schedule(Math.min(sendLease.remaining(), LEASE_POLL_MS));
          break;
        }
        // Read again under the lease: another tab may have sent some in the meantime.
        const [batch] = splitIntoBatches(queue.read());
        if (!batch) break;
        const result = await sendOldestBatch(batch);
        if (!result) break;
        summary = mergeResults(summary, result);
      }
    } finally {
      sendLease.release();
    }
    return summary;
  };

  const request = (): Promise<BatchResponse | undefined> => {
    if (!running) {
      running = run()
        .catch((cause: unknown) => {
          // A bug must not become an unhandled rejection in the host page; retry later.
          parts.emitter.emit('error', {
            error: new RapportError('internal', 'The outbox failed to send', { cause }),
          });
          clock.backOff();
          return undefined;
        })
        .finally(() => {
          running = undefined;
          // Writes still waiting are stored but were not acknowledged in this attempt.
          if (!rerun) waiters.settleAllQueued();
        });
      return running;
    }
    rerun ??= running.then(() => {
      rerun = undefined;
      return request();
    });
    return rerun;
  };

  return { request, isRunning: () => running !== undefined };
}

function mergeResults(total: BatchResponse | undefined, next: BatchResponse): BatchResponse {
  if (!total) return next;
  return {
    accepted: total.accepted + next.accepted,
    duplicates: total.duplicates + next.duplicates,
    rejected: [...total.rejected, ...next.rejected],
  };
}
