import type { Transport } from '../transports/transport';
import { splitIntoBatches } from './batches';
import { classifyResponse } from './classify-response';
import { isOffline } from './is-offline';
import type { RetryClock } from './retry-clock';
import { batchBody } from './send-batch';
import type { TabQueues } from './tab-queues';
import type { Waiters } from './waiters';

/** What the pagehide drain works with, all owned by the outbox. */
export interface BeaconDrainParts {
  beacon: Transport;
  headers: () => Record<string, string>;
  now: () => number;
  tabs: TabQueues;
  clock: RetryClock;
  waiters: Waiters;
}

/**
 * Makes the pagehide drain: it hands everything waiting to the beacon transport, in ≤ 64 KiB
 * batches, and removes what the browser confirms. What stays behind is the next page's to send.
 */
export function createBeaconDrain(parts: BeaconDrainParts): () => void {
  const { tabs, clock, now } = parts;
  const { queue, sendLease } = tabs;
  return () => {
    queue.release();
    // A beacon the browser accepts counts as sent, so never hand one over when it would
    // likely fail — offline, backing off, rate limited: those messages wait for the next page.
    if (clock.isFailing() || clock.waitLeft() > 0 || isOffline() || queue.read().length === 0) {
      return;
    }
    if (!sendLease.acquire()) return; // another tab is sending them
    const sends = splitIntoBatches(queue.read()).map(async (batch) => {
      const response = await parts.beacon.send({
        method: 'POST',
        path: '/v1/batch',
        body: batchBody(batch, now()),
        headers: parts.headers(),
      });
      const outcome = classifyResponse(response, batch.length, now());
      if (outcome.kind === 'delivered') {
        queue.remove(new Set(batch.map((message) => message.id)));
        parts.waiters.delivered(batch, outcome.result);
      }
    });
    void Promise.allSettled(sends).then(() => sendLease.release());
  };
}
