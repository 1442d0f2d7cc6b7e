import { createId, createSecret } from './create-id';
import type { KeyValueStorage } from './storage/key-value-storage';
import { hasStringField, readJson } from './storage/read-json';
import { toJson } from './to-json';

/**
 * Who the visitor is: a random anonymous id and the browser's device secret (the proof that
 * reads this visitor's anonymous threads; never shown), plus the site's user id once
 * identified.
 */
export interface IdentityState {
  anonymousId: string;
  deviceSecret: string;
  userId?: string;
  userHash?: string;
}

/** The client's identity, persisted only while consent allows it. */
export interface Identity {
  current(): IdentityState;
  /** Sets the identified user (and hash), keeping the anonymous id so both are linked. */
  identify(userId: string, userHash: string | undefined): void;
  /**
   * A new anonymous id, a new device secret and no user: the next visitor on a shared
   * computer starts fresh and cannot read the previous one's threads.
   */
  reset(): void;
  /** Starts (true) or stops (false) persisting; stopping erases the stored copy. */
  persist(enabled: boolean): void;
}

/**
 * Creates the identity. While persisting, storage is read on every call so tabs sharing it
 * agree on who the visitor is; otherwise the state lives in memory only (consent pending
 * or denied).
 */
export function createIdentity(storage: KeyValueStorage, storageKey: string, persisting: boolean) {
  const fresh = (): IdentityState => ({ anonymousId: createId(), deviceSecret: createSecret() });
  let memory = fresh();
  let enabled = persisting;

  const load = (): IdentityState | undefined => {
    const stored = readJson(storage, storageKey, hasStringField('anonymousId')) as
      | IdentityState
      | undefined;
    if (!stored || typeof stored.deviceSecret === 'string') return stored;
    // An identity stored before device secrets existed gets one, kept from now on.
    const upgraded = { ...stored, deviceSecret: createSecret() };
    try {
      save(upgraded);
    } catch {
      // Storage that cannot take the upgrade reads as no identity, as a corrupt one does.
      return undefined;
    }
    return upgraded;
  };
  const save = (state: IdentityState) => {
    memory = state;
    if (enabled) storage.setItem(storageKey, toJson(state));
  };
  if (enabled) save(load() ?? memory);

  const identity: Identity = {
    current() {
      if (enabled) memory = load() ?? memory;
      return memory;
    },
    identify(userId, userHash) {
      const { userId: previous, userHash: previousHash, ...device } = identity.current();
      // Keep a known hash when the same user is identified again without one.
      const hash = userHash ?? (previous === userId ? previousHash : undefined);
      save(hash === undefined ? { ...device, userId } : { ...device, userId, userHash: hash });
    },
    reset() {
      save(fresh());
    },
    persist(next) {
      enabled = next;
      if (next) save(identity.current());
      else storage.removeItem(storageKey);
    },
  };
  return identity;
}
