import type { RequestLogEntry } from './logging-transport';

const MAX_ENTRIES = 12;

/** Shows the latest requests in a list, newest first; text only, never HTML. */
export function createRequestLog(list: HTMLElement): (entry: RequestLogEntry) => void {
  return (entry) => {
    const item = document.createElement('li');
    const ok = typeof entry.outcome === 'number' && entry.outcome < 400;
    item.className = ok ? 'ok' : 'failed';
    const traced = entry.echoedId === entry.requestId ? ` · id ${entry.requestId}` : '';
    item.textContent = `${entry.method} ${entry.path} → ${entry.outcome} (${entry.durationMs} ms)${traced}`;
    list.prepend(item);
    while (list.children.length > MAX_ENTRIES) list.lastElementChild?.remove();
  };
}
