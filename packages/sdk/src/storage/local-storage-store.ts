import type { KeyValueStorage } from './key-value-storage';
import { isListable, isWebStorage, type ListableStorage, webStorageKeys } from './listable';
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
 * until a later write to `primary` succeeds again. When `primary` can list its keys (its own
 * `keys()`, or a Web Storage object such as `localStorage`), so can the result, which lets each
 * tab keep its own outbox key (see the outbox).
 */
export function resilientStore(
  primary: KeyValueStorage | undefined,
): KeyValueStorage | ListableStorage {
  const overlay = memoryStore();
  const overlaid = new Set<string>();
  const store: KeyValueStorage = {
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
      overlay.removeItem(key);
      try {
        primary?.removeItem(key);
        overlaid.delete(key);
      } catch {
        // The primary still holds the old value: read the key from the (empty) overlay, or a
        // delivered batch would be read back and sent again.
        overlaid.add(key);
      }
    },
  };
  const list = primaryKeys(primary);
  if (!list) return store;
  return {
    ...store,
    keys() {
      let listed: string[] = [];
      try {
        listed = list();
      } catch {
        // Unreadable storage lists nothing; the overlay still does.
      }
      return [...new Set([...listed, ...overlaid])];
    },
  };
}

/** How `primary` lists its keys: its own `keys()`, else Web Storage's; none for other stores. */
function primaryKeys(primary: KeyValueStorage | undefined): (() => string[]) | undefined {
  if (primary && isListable(primary)) return () => primary.keys();
  if (isWebStorage(primary)) return () => webStorageKeys(primary) ?? [];
  return undefined;
}
