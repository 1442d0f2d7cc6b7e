import type { RapportClient } from '@rapport/sdk';
import { reportError } from '../actions/report-error';

/**
 * Put `host` in `container`, or in the body. An async script served from cache can run while
 * the parser is still in `<head>`, before `document.body` exists: then wait for the document
 * to be parsed. Returns a function that stops waiting (unmounted before that).
 */
export function attachHost(
  host: HTMLElement,
  container: HTMLElement | undefined,
  client: RapportClient,
): () => void {
  const parent = container ?? document.body;
  if (parent) {
    parent.appendChild(host);
    return () => {};
  }
  const onReady = () => {
    try {
      document.body.appendChild(host);
    } catch (error) {
      reportError(client, error);
    }
  };
  document.addEventListener('DOMContentLoaded', onReady, { once: true });
  return () => document.removeEventListener('DOMContentLoaded', onReady);
}

/** Run `task` when the main thread is idle (at most `timeout` ms later), or soon where unsupported. */
export function whenIdle(task: () => void, timeout = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout });
  else setTimeout(task, 1);
}
