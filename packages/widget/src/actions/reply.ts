import { MAX_TEXT_LENGTH, type Message, type Reply } from '@rapport/protocol';
import type { ReplyStatus, Store } from '../store';
import { reportError } from './report-error';

function setStatus(store: Store, threadId: string, status: ReplyStatus | undefined) {
  store.replies.status.value = { ...store.replies.status.value, [threadId]: status };
}

/** Keep what the customer is writing in a thread. */
export function setReplyDraft(store: Store, threadId: string, text: string): void {
  store.replies.drafts.value = { ...store.replies.drafts.value, [threadId]: text };
}

/**
 * Change one thread's replies in the loaded inbox, if it is loaded. With `reopen`, a resolved
 * thread shows as the server now has it: back in progress, no longer asking "Did we solve this?".
 */
function editReplies(
  store: Store,
  threadId: string,
  edit: (replies: Reply[]) => Reply[],
  reopen = false,
) {
  const inbox = store.inbox.value;
  if (inbox.state !== 'ready') return;
  const threads = inbox.data.threads.map((thread) => {
    if (thread.id !== threadId) return thread;
    const { resolution, ...open } = thread;
    return reopen && thread.status === 'resolved'
      ? { ...open, status: 'in_progress' as const, replies: edit(thread.replies) }
      : { ...thread, replies: edit(thread.replies) };
  });
  store.inbox.value = { state: 'ready', data: { ...inbox.data, threads } };
}

/**
 * Send the customer's answer in a thread through the SDK's outbox. It shows in the thread at
 * once, on the customer's side; when the outbox keeps it for later, the thread says so.
 */
export async function sendReply(store: Store, threadId: string): Promise<void> {
  const body = store.replies.drafts.value[threadId] ?? '';
  if (store.replies.status.value[threadId] === 'sending') return;
  if (body.trim() === '' || body.length > MAX_TEXT_LENGTH) {
    setStatus(store, threadId, 'error');
    return;
  }
  setStatus(store, threadId, 'sending');
  try {
    const receipt = await store.client.inbox.reply(threadId, body);
    const createdAt = new Date().toISOString();
    // The server reopens a resolved thread the customer answers (server README, "Inbox").
    editReplies(
      store,
      threadId,
      (replies) => [...replies, { id: receipt.id, body, author: 'customer', createdAt }],
      true,
    );
    setReplyDraft(store, threadId, '');
    setStatus(store, threadId, receipt.status === 'queued' ? 'queued' : undefined);
  } catch (error) {
    setStatus(store, threadId, 'error');
    reportError(store.client, error);
  }
}

/** The outbox delivered a customer answer that was shown as saved. */
export function markReplyDelivered(store: Store, message: Message): void {
  if (message.type !== 'reply') return;
  if (store.replies.status.value[message.threadId] === 'queued') {
    setStatus(store, message.threadId, undefined);
  }
}

/**
 * The outbox gave up on a customer answer (refused by the server, or dropped when full): it
 * leaves the thread and its text goes back into the field with an error.
 */
export function markReplyFailed(store: Store, message: Message | undefined): void {
  if (message?.type !== 'reply') return;
  editReplies(store, message.threadId, (replies) => replies.filter((r) => r.id !== message.id));
  setReplyDraft(store, message.threadId, message.body);
  setStatus(store, message.threadId, 'error');
}
