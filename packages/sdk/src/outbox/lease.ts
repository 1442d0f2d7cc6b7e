import type { KeyValueStorage } from '../storage/key-value-storage';
import { hasStringField, readJson } from '../storage/read-json';

/** A storage-held lock: only its holder sends from the shared queue. */
export interface Lease {
  /** Takes (or renews) the lease; false when another live client holds it. */
  acquire(): boolean;
  /** Milliseconds until another client's lease runs out (0 when free or ours). */
  remaining(): number;
  release(): void;
}

/** Options for {@link createLease}. */
export interface LeaseOptions {
  storage: KeyValueStorage;
  storageKey: string;
  /** This client's id. */
  owner: string;
  /** How long a lease lasts without renewal; a crashed tab's lease frees itself after it. */
  durationMs: number;
  now: () => number;
}

interface LeaseRecord {
  owner: string;
  expires: number;
}

/**
 * Creates the lease two tabs use so that a message is never in flight from both. The lease is
 * an `{ owner, expires }` record; taking it is write-then-read-back, so of two clients that
 * write at once only the one whose write stuck goes ahead. Expiry frees a lease whose tab died.
 */
export function createLease(options: LeaseOptions): Lease {
  const { storage, storageKey, owner, now } = options;
  const read = () =>
    readJson(storage, storageKey, hasStringField('owner')) as LeaseRecord | undefined;
  const heldByOther = (record: LeaseRecord | undefined): record is LeaseRecord =>
    record !== undefined && record.owner !== owner && record.expires > now();
  return {
    acquire() {
      if (heldByOther(read())) return false;
      storage.setItem(storageKey, JSON.stringify({ owner, expires: now() + options.durationMs }));
      return read()?.owner === owner;
    },
    remaining() {
      const record = read();
      return heldByOther(record) ? record.expires - now() : 0;
    },
    release() {
      if (read()?.owner === owner) storage.removeItem(storageKey);
    },
  };
}
