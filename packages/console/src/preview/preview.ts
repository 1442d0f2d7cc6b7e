/**
 * The widget preview page (preview.html), framed by the widget settings page. It loads the
 * REAL script-tag bundle from this server (`/rapport.js`, same origin, so `script-src 'self'`
 * allows it) and restarts it with each draft the console posts. The key is a placeholder that
 * the server refuses, so nothing from the preview counts as an event of the project: every
 * setting shown comes from the draft options, which win over the server's config.
 */
import { isPreviewMessage, PREVIEW_KEY } from './preview-message';

type Command = (name: string, ...args: unknown[]) => void;
interface QueueStub {
  (...args: unknown[]): void;
  q?: unknown[][];
}
const page = window as unknown as { rapport?: Command | QueueStub };

// The loader stub, as the snippet has it: calls made before the bundle loads are replayed.
if (!page.rapport) {
  const stub: QueueStub = (...args: unknown[]) => {
    stub.q ??= [];
    stub.q.push(args);
  };
  page.rapport = stub;
}
const script = document.createElement('script');
script.async = true;
script.src = '/rapport.js';
document.body.append(script);

let started = false;
window.addEventListener('message', (event: MessageEvent) => {
  // Only the console page that frames this one may drive it.
  if (event.origin !== location.origin || !isPreviewMessage(event.data)) return;
  const { options, open } = event.data;
  // The first draft starts the widget; later ones update it in place (no new client).
  if (started) page.rapport?.('update', options);
  else page.rapport?.('init', { key: PREVIEW_KEY, api: location.origin, ...options });
  started = true;
  if (open) page.rapport?.('open');
});
window.parent.postMessage({ type: 'rapport-preview-ready' }, location.origin);
