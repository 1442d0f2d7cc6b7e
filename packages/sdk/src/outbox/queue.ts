import type { Message } from '@rapport/protocol';
import type { KeyValueStorage } from '../storage/key-value-storage';
import { toJson } from '../to-json';
import { jsonByteLength } from './byte-length';

/** What {@link PersistedQueue.append} had to drop to stay within bounds. */
export interface DropResult {
  messages: Message[];
  reason: 'count' | 'bytes';
}

/** The outbox's list of pending messages, read from and written to storage on every call. */
export interface PersistedQueue {
  read(): Message[];
  /** Stores `messages` last (skipping ids already there); returns what the bounds dropped. */
  append(...messages: Message[]): DropResult | undefined;
  remove(ids: ReadonlySet<string>): void;
  clear(): void;
  /** Refreshes the heartbeat, telling other tabs this queue's owner is alive. */
  touch(): void;
  /** Marks the queue as left behind (page hidden for good, client destroyed): adopt it. */
  release(): void;
}

/**
 * How a per-tab queue is stored: its messages plus when its owner last showed signs of life,
 * and whether the owner let go of it. A plain array is a shared queue (no owner).
 */
export interface QueueRecord {
  heartbeat: number;
  released: boolean;
  messages: Message[];
}

/** Options for {@link createPersistedQueue}. */
export interface PersistedQueueOptions {
  storage: KeyValueStorage;
  storageKey: string;
  maxMessages: number;
  maxBytes: number;
  /** Set for a per-tab queue: stored as a {@link QueueRecord} stamped with this clock. */
  now?: () => number;
}

/** Reads a stored queue in either shape; a corrupt value reads as empty. */
export function readQueueRecord(raw: string | null): QueueRecord | undefined {
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as QueueRecord | Message[];
    if (Array.isArray(parsed))
      return { heartbeat: 0, released: false, messages: keepMessages(parsed) };
    if (!Array.isArray(parsed?.messages)) return undefined;
    return { ...parsed, messages: keepMessages(parsed.messages) };
  } catch {
    // A corrupt entry must not block new messages forever.
    return undefined;
  }
}

/**
 * Only entries that look like messages. One `null` or number in a stored array (written by
 * another script or an old version) would otherwise throw on every read, so no new message
 * could be stored and the heartbeat's timer would throw into the page.
 */
function keepMessages(entries: unknown[]): Message[] {
  return entries.filter(
    (entry): entry is Message =>
      typeof entry === 'object' && entry !== null && typeof (entry as Message).id === 'string',
  );
}

/**
 * Creates the persisted queue. Nothing is cached in memory: storage is the single source of
 * truth that makes "stored before sent" hold across reloads.
 */
export function createPersistedQueue(options: PersistedQueueOptions): PersistedQueue {
  const { storage, storageKey, now } = options;
  let released = false;
  const read = (): Message[] => readQueueRecord(storage.getItem(storageKey))?.messages ?? [];
  const write = (messages: Message[]) => {
    if (messages.length === 0) storage.removeItem(storageKey);
    else if (!now) storage.setItem(storageKey, toJson(messages));
    else {
      const record: QueueRecord = { heartbeat: now(), released, messages };
      storage.setItem(storageKey, toJson(record));
    }
  };
  return {
    read,
    append(...added) {
      released = false;
      const messages = read();
      const known = new Set(messages.map(({ id }) => id));
      for (const message of added) if (!known.has(message.id)) messages.push(message);
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
    touch() {
      released = false;
      const messages = read();
      if (messages.length > 0) write(messages);
    },
    release() {
      released = true;
      const messages = read();
      if (messages.length > 0) write(messages);
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
