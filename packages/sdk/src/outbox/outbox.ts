import type { BatchResponse, Message } from '@rapport/protocol';
import type { Emitter } from '../emitter';
import { RapportError } from '../errors';
import type { KeyValueStorage } from '../storage/key-value-storage';
import type { Transport } from '../transports/transport';
import type { WriteReceipt } from '../types';
import { createBeaconDrain } from './beacon-drain';
import { isOffline } from './is-offline';
import { createRetryClock } from './retry-clock';
import { createSendLoop } from './send-loop';
import { createTabQueues } from './tab-queues';
import { createWaiters } from './waiters';

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
  /**
   * Why nothing may be stored or sent now (consent not granted, client destroyed), or
   * `undefined`. The client's lifecycle owns that state; the outbox only asks, and while
   * refused it stores, sends and lists nothing by itself.
   */
  refusal: () => RapportError | undefined;
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
  /** Stops the timers and lets go of the queue for the next page (the client was destroyed). */
  stop(): void;
}

/**
 * Creates the outbox. Storage is the source of truth: a message is written there before any
 * attempt, removed only once the server answered for it, and sent only by the client holding
 * the storage lease — so it is delivered once (the server dedupes retried ids) or still waits.
 * The jobs are apart: the tab queues (storage), the retry clock (when), the send loop (how),
 * the beacon drain (pagehide) and the waiters (what each write learns).
 */
export function createOutbox(config: OutboxConfig): Outbox {
  const { refusal } = config;
  const now = config.now ?? Date.now;
  const isActive = () => !refusal();
  const tabs = createTabQueues({ ...config, now });
  const { queue, sendLease } = tabs;
  const waiters = createWaiters(config.emitter);
  const clock = createRetryClock(now, config.retryBaseMs, config.retryCapMs, () => {
    void loop.request();
  });

  /** Takes over what closed or crashed tabs left; true when there is something new to send. */
  const adopt = (): boolean => {
    const { adopted, dropped } = tabs.adopt();
    waiters.dropped(dropped);
    return adopted.length > 0;
  };
  const parts = { ...config, now, tabs, clock, waiters, adopt, isActive };
  const loop = createSendLoop(parts);
  const drain = createBeaconDrain(parts);
  const flush = () => {
    clock.cancel();
    return loop.request();
  };
  const stopHeartbeat = tabs.startHeartbeat(isActive, () => {
    if (adopt() && !clock.isScheduled()) void loop.request();
  });

  return {
    deliver(message) {
      const refused = refusal();
      if (refused) return Promise.reject(refused);
      // What an earlier page left is older: take it in first, so it is sent first.
      adopt();
      waiters.dropped(queue.append(message));
      const receipt = waiters.wait(message);
      // Backing off, rate limited or offline: the message is safe; don't hammer the server.
      if (clock.isScheduled() || clock.waitLeft() > 0 || isOffline()) {
        // `navigator.onLine` can be wrong; a slow retry still runs if `online` never fires.
        if (!clock.isScheduled()) clock.backOff();
        if (!loop.isRunning()) waiters.settleAllQueued();
      } else void loop.request();
      return receipt;
    },
    flush,
    retryNow() {
      clock.resetAttempts();
      return flush();
    },
    drainWithBeacon() {
      if (isActive()) drain();
    },
    pending() {
      if (!isActive()) return [];
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
    stop() {
      clock.cancel();
      stopHeartbeat();
      waiters.settleAllQueued();
      queue.release();
      sendLease.release();
    },
  };
}
