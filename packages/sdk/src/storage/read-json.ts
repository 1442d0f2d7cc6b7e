import type { KeyValueStorage } from './key-value-storage';

/**
 * The JSON stored under `key` when `guard` accepts it; undefined when absent, corrupt or of
 * another shape. Another script or an older version can leave anything there, and storage
 * itself may throw (a blocked `localStorage`), so a read never throws into the page.
 *
 * @example
 * readJson(storage, 'rapport:lease', isLeaseRecord) // { owner, expires } or undefined
 */
export function readJson<T>(
  storage: KeyValueStorage,
  key: string,
  guard: (value: unknown) => value is T,
): T | undefined {
  try {
    const value: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    return guard(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** True for a non-null object whose `field` is a string: the check every stored record needs. */
export function hasStringField<F extends string>(
  field: F,
): (value: unknown) => value is Record<F, string> {
  return (value): value is Record<F, string> =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>)[field] === 'string';
}
