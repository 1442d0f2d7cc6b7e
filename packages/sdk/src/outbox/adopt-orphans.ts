import type { Message } from '@rapport/protocol';
import type { ListableStorage } from '../storage/listable';
import { readQueueRecord } from './queue';

/**
 * A tab's queue counts as abandoned when its owner has not shown signs of life for this
 * long. Browsers run timers in long-hidden tabs only once a minute, so a live owner's
 * 30-second heartbeat may come late; five minutes leaves room for that.
 */
export const ORPHAN_AFTER_MS = 5 * 60_000;

/** Abandoned per-tab queues: their keys and their messages, oldest queue first. */
export interface Orphans {
  keys: string[];
  messages: Message[];
}

/**
 * Finds the per-tab queues (keys starting with `keyPrefix`, other than `ownKey`) whose owner
 * is gone: a reloaded or closed page released its queue, or a crashed tab's heartbeat is
 * older than {@link ORPHAN_AFTER_MS}. The caller moves the messages into its own queue —
 * original ids and order kept — and only then deletes the keys, so nothing is lost between.
 */
export function findOrphans(
  storage: ListableStorage,
  keyPrefix: string,
  ownKey: string,
  now: number,
): Orphans {
  const found: Message[] = [];
  const keys: string[] = [];
  const records: { heartbeat: number; messages: Message[] }[] = [];
  for (const key of storage.keys()) {
    if (!key.startsWith(keyPrefix) || key === ownKey) continue;
    const record = readQueueRecord(storage.getItem(key));
    if (record && !record.released && now - record.heartbeat < ORPHAN_AFTER_MS) continue;
    keys.push(key);
    if (record) records.push(record);
  }
  records.sort((a, b) => a.heartbeat - b.heartbeat);
  for (const record of records) found.push(...record.messages);
  return { keys, messages: found };
}
