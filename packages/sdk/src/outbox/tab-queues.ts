import type { Message } from '@rapport/protocol';
import { createId } from '../create-id';
import type { KeyValueStorage } from '../storage/key-value-storage';
import { isListable } from '../storage/listable';
import { findOrphans } from './adopt-orphans';
import { createLease, type Lease } from './lease';
import { createPersistedQueue, type DropResult, type PersistedQueue } from './queue';

/** A lease outlives the longest batch request (15 s) with room to spare. */
const LEASE_MS = 30_000;
/** How often a per-tab queue's owner says it is alive and looks for abandoned queues. */
const HEARTBEAT_MS = 30_000;
/** A per-tab queue is only ever sent by its owner, so sending needs no lease. */
const OWN_QUEUE: Lease = { acquire: () => true, remaining: () => 0, release() {} };

/** Options for {@link createTabQueues}. */
export interface TabQueuesOptions {
  storage: KeyValueStorage;
  prefix: string;
  maxMessages: number;
  maxBytes: number;
  now: () => number;
}

/** This client's queue, the lease guarding sends, and the care of other tabs' queues. */
export interface TabQueues {
  queue: PersistedQueue;
  /** Taken around each batch: a no-op for a per-tab queue, the storage lease for a shared one. */
  sendLease: Lease;
  /** Moves abandoned tabs' messages into this queue; returns them and what the bounds dropped. */
  adopt(): { adopted: Message[]; dropped: DropResult | undefined };
  /** Removes this and every other tab's queue (consent withdrawn). */
  clearAll(): void;
  /** Every 30 s while `isActive()`: refresh the heartbeat, then `onBeat()`. Returns a stop. */
  startHeartbeat(isActive: () => boolean, onBeat: () => void): () => void;
}

/**
 * Lays out the outbox in storage. Where storage can list its keys (localStorage), each tab
 * writes only its own key, `<prefix>outbox:<tab id>`: browsers sync localStorage between tabs
 * asynchronously, so two tabs rewriting one shared key can silently undo each other's writes
 * (measured in Chromium: 2–9 of 80–120 messages lost with 2–3 tabs). A tab sends only its own
 * queue, and adopts the queues of tabs that released theirs (reload, close) or went silent.
 * A store that cannot list keys (in-memory, custom) keeps one shared key, sent under the lease.
 */
export function createTabQueues(options: TabQueuesOptions): TabQueues {
  const { storage, prefix, now } = options;
  const owner = createId();
  const listable = isListable(storage) ? storage : undefined;
  const keyPrefix = `${prefix}outbox:`;
  const ownKey = listable ? `${keyPrefix}${owner}` : `${prefix}outbox`;
  const bounds = { maxMessages: options.maxMessages, maxBytes: options.maxBytes };
  const queue = createPersistedQueue({
    storage,
    storageKey: ownKey,
    ...bounds,
    ...(listable ? { now } : {}),
  });
  const lease = createLease({
    storage,
    storageKey: `${prefix}lease`,
    owner,
    durationMs: LEASE_MS,
    now,
  });

  return {
    queue,
    sendLease: listable ? OWN_QUEUE : lease,
    adopt() {
      const none = { adopted: [], dropped: undefined };
      // Look before taking the lease, so that a tab with nothing to adopt writes nothing.
      if (!listable || findOrphans(listable, keyPrefix, ownKey, now()).keys.length === 0) {
        return none;
      }
      if (!lease.acquire()) return none;
      try {
        const orphans = findOrphans(listable, keyPrefix, ownKey, now());
        const dropped = orphans.messages.length > 0 ? queue.append(...orphans.messages) : undefined;
        // Deleted only after the messages are safely in this tab's queue.
        for (const key of orphans.keys) storage.removeItem(key);
        return { adopted: orphans.messages, dropped };
      } finally {
        lease.release();
      }
    },
    clearAll() {
      queue.clear();
      for (const key of listable?.keys() ?? []) {
        if (key.startsWith(keyPrefix)) storage.removeItem(key);
      }
    },
    startHeartbeat(isActive, onBeat) {
      if (!listable) return () => {};
      let timer: ReturnType<typeof setTimeout> | undefined;
      const beat = () => {
        timer = setTimeout(() => {
          if (isActive()) {
            queue.touch();
            onBeat();
          }
          beat();
        }, HEARTBEAT_MS);
        // A heartbeat must not keep a Node process alive.
        (timer as { unref?: () => void }).unref?.();
      };
      beat();
      return () => clearTimeout(timer);
    },
  };
}
