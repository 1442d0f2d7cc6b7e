import type { InboxResponse } from '@rapport/protocol';
import type { Store } from '../store';
import { loadPersonal } from './load-personal';
import { reportError } from './report-error';

/**
 * Load the customer's feedback threads with the replies: the signed-in user's, or this
 * browser's own for an anonymous visitor (the SDK proves it with the device secret). Once they
 * are shown, the team's replies in them are read: the launcher's badge clears, in every tab.
 */
export async function loadInbox(store: Store): Promise<void> {
  await loadPersonal(store, store.inbox, () => store.client.inbox.get(), { guests: true });
  const remote = store.inbox.value;
  const through = remote.state === 'ready' ? newestTeamReply(remote.data) : undefined;
  if (through)
    await store.client.inbox.read(through).catch((error) => reportError(store.client, error));
}

/**
 * When the newest of the team's replies shown was written: the mark goes up to it, not to
 * "now", so a reply written since the inbox was read stays unread.
 */
function newestTeamReply(inbox: InboxResponse): string | undefined {
  let newest: string | undefined;
  for (const thread of inbox.threads) {
    for (const reply of thread.replies) {
      if (
        reply.author === 'team' &&
        (!newest || Date.parse(reply.createdAt) > Date.parse(newest))
      ) {
        newest = reply.createdAt;
      }
    }
  }
  return newest;
}
