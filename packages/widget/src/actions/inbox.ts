import type { Store } from '../store';
import { loadPersonal } from './load-personal';

/** Load the customer's feedback threads and the team's replies. */
export function loadInbox(store: Store): Promise<void> {
  return loadPersonal(store, store.inbox, () => store.client.inbox.get());
}
