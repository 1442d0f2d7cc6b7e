import type { KeyValueStorage } from './key-value-storage';

/**
 * A {@link KeyValueStorage} kept in memory: nothing survives a reload. The fallback when
 * localStorage is unavailable, and handy in tests and server-side rendering.
 *
 * @example
 * ```ts
 * createClient({ key: 'pk_demo', storage: memoryStore() });
 * ```
 */
export function memoryStore(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => {
      values.set(key, String(value));
    },
    removeItem: (key) => {
      values.delete(key);
    },
  };
}
