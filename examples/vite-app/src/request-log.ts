import type { RequestLogEntry } from './logging-transport';

const MAX_ENTRIES = 12;

/** Shows the latest requests in a list, newest first; text only, never HTML. */
export function createRequestLog(list: HTMLElement): (entry: RequestLogEntry) => void {
  return (entry) => {
    const item = document.createElement('li');
    const ok = typeof entry.outcome === 'number' && entry.outcome < 400;
    item.className = ok ? 'ok' : 'failed';
    // Strip the query: it can carry a user id and hash, which a log has no need to show.
    const path = entry.path.split('?')[0];
    item.textContent = `${entry.method} ${path} → ${entry.outcome} (${entry.durationMs} ms)`;
    list.prepend(item);
    while (list.children.length > MAX_ENTRIES) list.lastElementChild?.remove();
  };
}
