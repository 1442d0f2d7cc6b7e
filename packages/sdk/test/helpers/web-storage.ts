import type { KeyValueStorage } from '../../src/index';

/** A Web Storage–shaped store (`length`, `key(i)`), like localStorage, kept in memory. */
export function webStorage(values = new Map<string, string>()): KeyValueStorage & Storage {
  return {
    get length() {
      return values.size;
    },
    key: (index: number) => [...values.keys()][index] ?? null,
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => {
      values.set(key, String(value));
    },
    removeItem: (key: string) => {
      values.delete(key);
    },
    clear: () => values.clear(),
  };
}

/**
 * localStorage as two or more tabs of one browser see it: each tab reads and writes its own
 * copy at once, and the other tabs' copies learn of the change only a moment later (Chromium
 * syncs storage between renderer processes asynchronously). `settled()` waits until every
 * change has reached every tab.
 */
export function laggingTabStorages(tabs: number, lagMs = 2) {
  const copies = Array.from({ length: tabs }, () => new Map<string, string>());
  let pending = 0;
  const propagate = (from: number, key: string, value: string | null) => {
    pending++;
    setTimeout(() => {
      pending--;
      copies.forEach((copy, i) => {
        if (i === from) return;
        if (value === null) copy.delete(key);
        else copy.set(key, value);
      });
    }, lagMs);
  };
  const views = copies.map((copy, i) => {
    const view = webStorage(copy);
    return {
      ...view,
      get length() {
        return copy.size;
      },
      setItem(key: string, value: string) {
        copy.set(key, value);
        propagate(i, key, value);
      },
      removeItem(key: string) {
        copy.delete(key);
        propagate(i, key, null);
      },
    };
  });
  return {
    views,
    async settled() {
      while (pending > 0) await new Promise((resolve) => setTimeout(resolve, lagMs));
    },
  };
}
