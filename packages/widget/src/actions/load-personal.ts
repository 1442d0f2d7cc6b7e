import type { Signal } from '@preact/signals';
import type { Remote, Store } from '../store';
import { readWithRetry } from './read-with-retry';
import { reportError } from './report-error';

/**
 * Load one piece of the customer's data into its signal: loading, then ready or error.
 * Anonymous visitors get the guest view instead unless `guests` reads for them too (the
 * inbox), and a load already under way is not started twice.
 */
export async function loadPersonal<T>(
  store: Store,
  target: Signal<Remote<T>>,
  read: () => Promise<T>,
  { guests = false } = {},
): Promise<void> {
  if ((store.isGuest.value && !guests) || target.value.state === 'loading') return;
  target.value = { state: 'loading' };
  try {
    target.value = { state: 'ready', data: await readWithRetry(read) };
  } catch (error) {
    target.value = { state: 'error' };
    reportError(store.client, error);
  }
}
