/** A narrow key-value store the outbox and identity persist through (localStorage-shaped). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /**
   * Every key the store holds. A storage that can list its keys lets each tab keep its own
   * outbox queue (`<prefix>outbox:<tab id>`) and take over the queues of tabs that closed,
   * instead of all tabs sharing one key under a lease; Web Storage (`localStorage`) gets this
   * through `length` and `key(i)` without the method.
   * @default undefined (one outbox queue shared by every tab)
   * @example keys: () => Object.keys(myStore)
   */
  keys?(): string[];
}
