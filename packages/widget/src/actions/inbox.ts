import type { Store } from '../store';
import { readWithRetry } from './read-with-retry';
import { reportError } from './report-error';

/** Load the customer's feedback threads and the team's replies. */
export async function loadInbox(store: Store): Promise<void> {
  if (store.isGuest.value || store.inbox.value.state === 'loading') return;
  store.inbox.value = { state: 'loading' };
  try {
    store.inbox.value = {
      state: 'ready',
      data: await readWithRetry(() => store.client.inbox.get()),
    };
  } catch (error) {
    store.inbox.value = { state: 'error' };
    reportError(store.client, error);
  }
}
