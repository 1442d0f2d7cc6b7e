/** A narrow key-value store the outbox and identity persist through (localStorage-shaped). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
