import type { Authored } from '../api/types';
import { formatDateTime } from '../format';

interface ConversationProps {
  replies: Authored[];
  notes: Authored[];
}

/** Replies (the customer sees them, signed) and internal notes, in time order. */
export function Conversation({ replies, notes }: ConversationProps) {
  const entries = [
    ...replies.map((entry) => ({ ...entry, kind: 'reply' as const })),
    ...notes.map((entry) => ({ ...entry, kind: 'note' as const })),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <section aria-labelledby="conversation-heading">
      <h2 id="conversation-heading">Conversation</h2>
      {entries.length === 0 ? (
        <p class="hint">No reply yet. The customer sees your reply in the widget's Messages tab.</p>
      ) : (
        <ol class="conversation plain">
          {entries.map((entry) => (
            <li
              key={`${entry.kind}-${entry.id}`}
              class={entry.kind === 'note' ? 'note card' : 'reply card'}
            >
              <p class="entry-head">
                <strong>{entry.author.name}</strong>{' '}
                {entry.kind === 'note' ? (
                  <span class="badge note-badge">Internal note · Only your team sees notes</span>
                ) : (
                  <span class="badge">Reply</span>
                )}{' '}
                <time class="hint" dateTime={entry.createdAt}>
                  {formatDateTime(entry.createdAt)}
                </time>
              </p>
              <p class="prewrap">{entry.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
