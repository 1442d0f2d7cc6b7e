import type { Message } from '@rapport/protocol';
import type { KeyValueStorage } from '../types';
import { jsonByteLength } from './byte-length';

/** What {@link PersistedQueue.append} had to drop to stay within bounds. */
export interface DropResult {
  messages: Message[];
  reason: 'count' | 'bytes';
}

/** The outbox's list of pending messages, read from and written to storage on every call. */
export interface PersistedQueue {
  read(): Message[];
  /** Stores `message` last; returns what was dropped (oldest first) to respect the bounds. */
  append(message: Message): DropResult | undefined;
  remove(ids: ReadonlySet<string>): void;
  clear(): void;
}

/** Options for {@link createPersistedQueue}. */
export interface PersistedQueueOptions {
  storage: KeyValueStorage;
  storageKey: string;
  maxMessages: number;
  maxBytes: number;
}

/**
 * Creates the persisted queue. Nothing is cached in memory: another tab (or a reloaded page)
 * may have changed the list since, and storage is the single source of truth that makes
 * "stored before sent" and two-tab safety hold.
 */
export function createPersistedQueue(options: PersistedQueueOptions): PersistedQueue {
  const { storage, storageKey } = options;
  const read = (): Message[] => {
    const raw = storage.getItem(storageKey);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? (parsed as Message[]) : [];
    } catch {
      // A corrupt entry must not block new messages forever.
      return [];
    }
  };
  const write = (messages: Message[]) => {
    if (messages.length === 0) storage.removeItem(storageKey);
    else storage.setItem(storageKey, JSON.stringify(messages));
  };
  return {
    read,
    append(message) {
      const messages = read();
      messages.push(message);
      const dropped = enforceBounds(messages, options.maxMessages, options.maxBytes);
      write(messages);
      return dropped;
    },
    remove(ids) {
      const messages = read();
      const kept = messages.filter((message) => !ids.has(message.id));
      if (kept.length !== messages.length) write(kept);
    },
    clear() {
      storage.removeItem(storageKey);
    },
  };
}

/** Drops the oldest messages in place until both bounds hold; the newest is always kept. */
function enforceBounds(
  messages: Message[],
  maxMessages: number,
  maxBytes: number,
): DropResult | undefined {
  const dropped: Message[] = [];
  let reason: DropResult['reason'] = 'count';
  while (messages.length > Math.max(1, maxMessages)) dropped.push(messages.shift()!);
  let bytes = messages.reduce((sum, message) => sum + jsonByteLength(message), 0);
  while (bytes > maxBytes && messages.length > 1) {
    const oldest = messages.shift()!;
    bytes -= jsonByteLength(oldest);
    dropped.push(oldest);
    reason = 'bytes';
  }
  return dropped.length > 0 ? { messages: dropped, reason } : undefined;
}
