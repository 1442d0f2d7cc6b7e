/**
 * True when the browser says it has no network. `navigator.onLine` can be wrong, so the outbox
 * only holds back on it (a slow retry still runs); it never drops anything because of it.
 */
export const isOffline = (): boolean =>
  (globalThis as { navigator?: { onLine?: boolean } }).navigator?.onLine === false;
