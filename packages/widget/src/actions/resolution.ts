import type { InboxThread, ThreadResolution } from '@rapport/protocol';
import type { ResolutionDraft, Store } from '../store';
import { reportError } from './report-error';

/** One thread's draft answer to "Did we solve this?". */
export function resolutionDraft(store: Store, threadId: string): ResolutionDraft {
  return store.resolutions.value[threadId] ?? { comment: '', status: 'editing' };
}

/** Change one thread's draft answer. */
export function editResolution(
  store: Store,
  threadId: string,
  change: Partial<ResolutionDraft>,
): void {
  const draft = { ...resolutionDraft(store, threadId), ...change };
  store.resolutions.value = { ...store.resolutions.value, [threadId]: draft };
}

/**
 * Marks the thread's resolution answered in the loaded inbox, so the question is not asked
 * again while the widget stays open, even before the outbox has delivered the answer.
 */
function markAnswered(store: Store, threadId: string, resolution: ThreadResolution) {
  const inbox = store.inbox.value;
  if (inbox.state !== 'ready') return;
  const threads = inbox.data.threads.map(
    (thread): InboxThread =>
      thread.id === threadId
        ? { ...thread, resolution: { ...resolution, answered: true } }
        : thread,
  );
  store.inbox.value = { state: 'ready', data: { ...inbox.data, threads } };
}

/**
 * Answer "Did we solve this?" for the thread's resolution through the SDK's outbox (kept
 * offline, delivered once), or dismiss it (`dismiss`: no score). Answered, the thread shows
 * thanks in place of the question; dismissed, the question goes away. Either way it is not
 * asked again for this resolution.
 */
export async function answerResolution(
  store: Store,
  thread: Pick<InboxThread, 'id' | 'resolution'>,
  dismiss = false,
): Promise<void> {
  const resolution = thread.resolution;
  const draft = resolutionDraft(store, thread.id);
  if (!resolution || draft.status === 'sending') return;
  if (!dismiss && draft.score === undefined) {
    editResolution(store, thread.id, { status: 'error' });
    return;
  }
  editResolution(store, thread.id, { status: 'sending' });
  const comment = draft.comment.trim();
  try {
    await store.client.inbox.rate(
      thread.id,
      dismiss
        ? { resolvedAt: resolution.resolvedAt }
        : {
            resolvedAt: resolution.resolvedAt,
            score: draft.score as number,
            ...(comment && { comment }),
          },
    );
    markAnswered(store, thread.id, resolution);
    editResolution(store, thread.id, { status: dismiss ? 'editing' : 'thanks' });
  } catch (error) {
    editResolution(store, thread.id, { status: 'error' });
    reportError(store.client, error);
  }
}
