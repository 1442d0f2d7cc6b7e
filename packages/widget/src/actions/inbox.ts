import type { Store } from '../store';
import { loadPersonal } from './load-personal';

/**
 * Load the customer's feedback threads with the replies: the signed-in user's, or this
 * browser's own for an anonymous visitor (the SDK proves it with the device secret).
 */
export function loadInbox(store: Store): Promise<void> {
  return loadPersonal(store, store.inbox, () => store.client.inbox.get(), { guests: true });
}
