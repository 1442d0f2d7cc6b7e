import type { RapportClient } from '@rapport/sdk';
import { reportError } from '../actions/report-error';
import type { WidgetOptions } from '../options';
import type { ChunkLoader } from '../ui-contract';
import type { ConfigCache } from './config-cache';
import { mountLauncher } from './mount-launcher';
import { NOOP_HANDLE, type WidgetHandle } from './widget-handle';

/**
 * Makes the `mount()` function for one way of loading the UI chunk (`import()` for bundlers,
 * `<script>` for the script tag, which also passes its config cache). Mounting again for the
 * same client replaces the previous widget; `mount()` never throws: a failure is reported
 * through `client.emit('error')` and a do-nothing handle is returned.
 */
export function createMount(
  chunks: ChunkLoader,
  retryDelays?: readonly number[],
  cache?: ConfigCache,
) {
  /** The widget mounted for each client; unmounting an old handle again is a no-op. */
  const current = new WeakMap<RapportClient, WidgetHandle>();
  return function mount(client: RapportClient, options: WidgetOptions = {}): WidgetHandle {
    try {
      // Mounting again (a re-render, a second script) replaces the widget: one launcher a client.
      current.get(client)?.unmount();
      const handle = mountLauncher(client, options, chunks, retryDelays, cache);
      current.set(client, handle);
      return handle;
    } catch (error) {
      reportError(client, error);
      return NOOP_HANDLE;
    }
  };
}
