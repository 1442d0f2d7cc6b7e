import type { BatchResponse, Message } from '@rapport/protocol';
import type { Emitter } from '../emitter';
import { RapportError } from '../errors';
import type { KeyValueStorage, Transport, WriteReceipt } from '../types';
import { splitIntoBatches } from './batches';
import { classifyResponse } from './classify-response';
import type { DropResult } from './queue';
import { createRetryClock } from './retry-clock';
import { batchBody, sendBatch } from './send-batch';
import { createTabQueues } from './tab-queues';
import { createWaiters } from './waiters';

/** While another tab holds the send lease, look again this often in case it went quiet. */
const LEASE_POLL_MS = 2_000;

/** Everything the outbox needs, injected by the client. */
export interface OutboxConfig {
  storage: KeyValueStorage;
  /** Storage key prefix, e.g. `rapport:pk_demo:`. */
  prefix: string;
  transport: Transport;
  beacon: Transport;
  /** Headers for every batch (the client's `Authorization`). */
  headers: () => Record<string, string>;
  emitter: Emitter;
  maxMessages: number;
  maxBytes: number;
  retryBaseMs: number;
  retryCapMs: number;
  /** False while consent is not granted: the outbox then writes and sends nothing by itself. */
  isActive: () => boolean;
  now?: () => number;
}

/** The durable queue between the client's writes and the transport. */
export interface Outbox {
  /** Persists `message`, then tries to send it; resolves when it is sent or safely queued. */
  deliver(message: Message): Promise<WriteReceipt>;
  /** Sends what is waiting now (respecting a server's `Retry-After`). */
  flush(): Promise<BatchResponse | undefined>;
  /** The network is back: forget the backoff and send. */
  retryNow(): Promise<BatchResponse | undefined>;
  /** The page is going away: hand everything to the beacon transport, in ≤ 64 KiB chunks. */
  drainWithBeacon(): void;
  /** The messages waiting to be acknowledged, including what earlier pages left. */
  pending(): Message[];
  /** Forgets every pending message (consent withdrawn). */
  clear(): void;
  destroy(): void;
}

/**
 * Creates the outbox. Storage is the source of truth: a message is written there before any
 * attempt, removed only once the server answered for it, and sent only by the client holding
 * the storage lease — so it is delivered once (the server dedupes retried ids) or still waits.
 */
export function createOutbox(config: OutboxConfig): Outbox {
  const { storage, prefix, emitter } = config;
  const now = config.now ?? Date.now;
  const { isActive } = config;
  const tabs = createTabQueues({
    storage,
    prefix,
    maxMessages: config.maxMessages,
    maxBytes: config.maxBytes,
    now,
  });
  const { queue, sendLease } = tabs;
  const waiters = createWaiters(emitter);
  const clock = createRetryClock(now, config.retryBaseMs, config.retryCapMs, () => {
    void requestFlush();
  });
  let running: Promise<BatchResponse | undefined> | undefined;
  let rerun: Promise<BatchResponse | undefined> | undefined;
  let destroyed = false;

  const reportDropped = (dropped: DropResult | undefined) => {
    if (!dropped) return;
    emitter.emit('dropped', dropped);
    const error = new RapportError('queue_full', 'The outbox was full; the oldest were dropped');
    for (const old of dropped.messages) waiters.settle(old.id, error);
  };

  /** Takes over what closed or crashed tabs left; true when there is something new to send. */
  const adopt = (): boolean => {
    const { adopted, dropped } = tabs.adopt();
    reportDropped(dropped);
    return adopted.length > 0;
  };
  const stopHeartbeat = tabs.startHeartbeat(isActive, () => {
    if (adopt() && !clock.isScheduled()) void requestFlush();
  });

  const fail = (message: Message, error: RapportError) => {
    emitter.emit('error', { error, message });
    waiters.settle(message.id, error);
  };

  const applyDelivered = (batch: Message[], result: BatchResponse) => {
    queue.remove(new Set(batch.map((message) => message.id)));
    const rejected = new Map(result.rejected.map((entry) => [entry.id, entry]));
    for (const message of batch) {
      const entry = rejected.get(message.id);
      if (entry) {
        fail(message, new RapportError('rejected', `${entry.code}: ${entry.message}`));
        continue;
      }
      emitter.emit('sent', { message });
      waiters.settle(message.id, { id: message.id, status: 'sent' });
    }
  };

  /** Sends the oldest batch; returns its result, or undefined when the run must stop. */
  const sendOldestBatch = async (batch: Message[]): Promise<BatchResponse | undefined> => {
    let outcome: ReturnType<typeof classifyResponse>;
    try {
      const response = await sendBatch(config.transport, batch, config.headers(), now());
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
    if (outcome.kind === 'delivered') {
      applyDelivered(batch, outcome.result);
      return outcome.result;
    }
    // Any other 4xx: the same bytes would fail again, so drop them and say why.
    queue.remove(new Set(batch.map((message) => message.id)));
    for (const message of batch) fail(message, outcome.error);
    return {
      accepted: 0,
      duplicates: 0,
      rejected: batch.map(({ id }) => ({
        id,
        code: outcome.error.code,
        message: outcome.error.message,
      })),
    };
  };

  const runFlush = async (): Promise<BatchResponse | undefined> => {
    if (destroyed) return undefined;
    if (clock.waitLeft() > 0) {
      clock.schedule(clock.waitLeft());
      return undefined;
    }
    adopt();
    let summary: BatchResponse | undefined;
    try {
      // An empty queue needs no lease: a page load with nothing to send writes nothing.
      while (!destroyed && queue.read().length > 0) {
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

  const requestFlush = (): Promise<BatchResponse | undefined> => {
    if (!running) {
      running = runFlush()
        .catch((cause: unknown) => {
          // A bug must not become an unhandled rejection in the host page; retry later.
          emitter.emit('error', {
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
      return requestFlush();
    });
    return rerun;
  };

  const isOffline = () =>
    (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;

  return {
    deliver(message) {
      if (destroyed)
        return Promise.reject(new RapportError('destroyed', 'The client was destroyed'));
      // What an earlier page left is older: take it in first, so it is sent first.
      adopt();
      reportDropped(queue.append(message));
      const receipt = waiters.wait(message);
      // Backing off, rate limited or offline: the message is safe; don't hammer the server.
      if (clock.isScheduled() || clock.waitLeft() > 0 || isOffline()) {
        // `navigator.onLine` can be wrong; a slow retry still runs if `online` never fires.
        if (!clock.isScheduled()) clock.backOff();
        if (!running) waiters.settleAllQueued();
      } else void requestFlush();
      return receipt;
    },
    flush() {
      clock.cancel();
      return requestFlush();
    },
    retryNow() {
      clock.resetAttempts();
      return this.flush();
    },
    drainWithBeacon() {
      if (destroyed) return;
      // Whatever stays behind is the next page's to send.
      queue.release();
      // A beacon the browser accepts counts as sent, so never hand one over when it would
      // likely fail — offline, backing off, rate limited: those messages wait for the next page.
      if (clock.isFailing() || clock.waitLeft() > 0 || isOffline() || queue.read().length === 0)
        return;
      if (!sendLease.acquire()) return; // another tab is sending them
      const sends = splitIntoBatches(queue.read()).map(async (batch) => {
        const response = await config.beacon.send({
          method: 'POST',
          path: '/v1/batch',
          body: batchBody(batch, now()),
          headers: config.headers(),
        });
        const outcome = classifyResponse(response, batch.length, now());
        if (outcome.kind === 'delivered') applyDelivered(batch, outcome.result);
      });
      void Promise.allSettled(sends).then(() => sendLease.release());
    },
    pending() {
      if (destroyed) return [];
      adopt();
      return queue.read();
    },
    clear() {
      // Consent withdrawn covers what other tabs and earlier pages left, too.
      tabs.clearAll();
      clock.cancel();
      clock.resetAttempts();
      const error = new RapportError('consent_required', 'Discarded: consent was withdrawn');
      waiters.rejectAll(error);
    },
    destroy() {
      destroyed = true;
      clock.cancel();
      stopHeartbeat();
      waiters.settleAllQueued();
      queue.release();
      sendLease.release();
    },
  };
}

function mergeResults(total: BatchResponse | undefined, next: BatchResponse): BatchResponse {
  if (!total) return next;
  return {
    accepted: total.accepted + next.accepted,
    duplicates: total.duplicates + next.duplicates,
    rejected: [...total.rejected, ...next.rejected],
  };
}
