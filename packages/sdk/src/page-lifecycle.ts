/** What the client does when the page's connectivity or life changes. */
export interface PageHandlers {
  online(): void;
  offline(): void;
  pagehide(): void;
}

/**
 * Listens for `online`, `offline` and `pagehide` on `window`, when there is one; returns the
 * function that stops listening. `pagehide` rather than `unload`/`beforeunload`: it fires on
 * mobile and when the page enters the back-forward cache, and does not block that cache.
 */
export function watchPage(handlers: PageHandlers): () => void {
  const target = (globalThis as { window?: EventTarget }).window;
  if (typeof target?.addEventListener !== 'function') return () => {};
  const entries = Object.entries(handlers) as [keyof PageHandlers, () => void][];
  for (const [event, handler] of entries) target.addEventListener(event, handler);
  return () => {
    for (const [event, handler] of entries) target.removeEventListener(event, handler);
  };
}
