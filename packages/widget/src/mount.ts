import { createMount } from './core/create-mount';
import type { ChunkLoader } from './ui-contract';

export type { WidgetHandle } from './core/widget-handle';

/** The UI and the locales as `import()` chunks: a bundler splits them out of the entry. */
export const importChunks: ChunkLoader = {
  ui: () => import('./ui/index'),
  locale(tag) {
    if (tag === 'fr') return import('./i18n/fr').then((chunk) => chunk.fr);
    return Promise.reject(new Error(`Rapport widget: no built-in locale "${tag}"`));
  },
};

/**
 * Render the Rapport widget into a shadow root on the page: the launcher right away, the
 * dialog and panels from a chunk loaded on intent. Mounting again for the same client
 * replaces the previous widget. Never throws: a failure is reported through
 * `client.emit('error')` and a do-nothing handle is returned.
 * @example
 * const client = createClient({ key: 'pk_demo' });
 * const widget = mount(client, { theme: 'dark', locale: 'fr' });
 * widget.open('loyalty');
 */
export const mount = createMount(importChunks);
