import type { KeyValueStorage } from './key-value-storage';

/** A storage that can also list its keys, as Web Storage (`localStorage`) can. */
export type ListableStorage = KeyValueStorage & Required<Pick<KeyValueStorage, 'keys'>>;

/** True when `storage` can list its keys. */
export function isListable(storage: KeyValueStorage): storage is ListableStorage {
  return typeof (storage as Partial<ListableStorage>).keys === 'function';
}

/** True for Web Storage objects, which list keys through `length` and `key(i)`. */
export function isWebStorage(storage: KeyValueStorage | undefined): boolean {
  const web = storage as Partial<Storage> | undefined;
  return typeof web?.key === 'function' && typeof web.length === 'number';
}

/** The keys of a Web Storage object, or `undefined` for other stores. */
export function webStorageKeys(storage: KeyValueStorage | undefined): string[] | undefined {
  if (!isWebStorage(storage)) return undefined;
  const web = storage as Storage;
  const keys: string[] = [];
  for (let i = 0; i < web.length; i++) {
    const key = web.key(i);
    if (key !== null) keys.push(key);
  }
  return keys;
}
