import type { KeyValueStorage } from '../types';
import { memoryStore } from './memory-store';

/**
 * The default {@link KeyValueStorage}: `window.localStorage`, made safe. Merely touching
 * localStorage throws in sandboxed iframes and with cookies blocked, and `setItem` throws
 * `QuotaExceededError` when the origin is full. So each call is guarded, and a value that
 * cannot be written is kept in memory instead (and the stale copy removed), so reads stay
 * consistent and nothing escapes to the caller.
 *
 * @example
 * ```ts
 * createClient({ key: 'pk_demo', storage: localStorageStore() });
 * ```
 */
export function localStorageStore(): KeyValueStorage {
  return resilientStore(readLocalStorage());
}

function readLocalStorage(): KeyValueStorage | undefined {
  try {
    const storage = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps `primary` so it never throws: a key whose write failed lives in a memory overlay
 * until a later write to `primary` succeeds again.
 */
export function resilientStore(primary: KeyValueStorage | undefined): KeyValueStorage {
  const overlay = memoryStore();
  const overlaid = new Set<string>();
  return {
    getItem(key) {
      if (overlaid.has(key) || !primary) return overlay.getItem(key);
      try {
        return primary.getItem(key);
      } catch {
        return null;
      }
    },
    setItem(key, value) {
      try {
        if (!primary) throw new Error('no storage');
        primary.setItem(key, value);
        overlaid.delete(key);
        overlay.removeItem(key);
      } catch {
        overlaid.add(key);
        overlay.setItem(key, value);
        try {
          primary?.removeItem(key);
        } catch {
          // The primary copy is stale either way; the overlay is read first.
        }
      }
    },
    removeItem(key) {
      overlaid.delete(key);
      overlay.removeItem(key);
      try {
        primary?.removeItem(key);
      } catch {
        // Nothing to keep consistent: the overlay no longer has the key.
      }
    },
  };
}
