import type { Authored } from '../api/types';
import { formatDateTime } from '../format';

interface ConversationProps {
  replies: Authored[];
  notes: Authored[];
}

/** How an entry is shown: the team's reply, the customer's answer, or an internal note. */
function kindOf(entry: Authored, kind: 'reply' | 'note') {
  if (kind === 'note')
    return { className: 'note card', badge: 'Internal note · Only your team sees notes' };
  if (entry.author.kind === 'customer') return { className: 'customer card', badge: 'Customer' };
  return { className: 'reply card', badge: 'Reply' };
}

/**
 * The thread's conversation in time order: the team's replies (the customer sees them,
 * signed), the customer's answers from the widget on the other side, and internal notes. Every
 * body is text with its line breaks, never HTML.
 */
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
          {entries.map((entry) => {
            const { className, badge } = kindOf(entry, entry.kind);
            return (
              <li key={`${entry.kind}-${entry.id}`} class={className}>
                <p class="entry-head">
                  <strong>{entry.author.name}</strong>{' '}
                  <span class={entry.kind === 'note' ? 'badge note-badge' : 'badge'}>{badge}</span>{' '}
                  <time class="hint" dateTime={entry.createdAt}>
                    {formatDateTime(entry.createdAt)}
                  </time>
                </p>
                <p class="prewrap">{entry.body}</p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
