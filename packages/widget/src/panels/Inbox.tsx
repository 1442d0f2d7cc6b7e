import type { FeedbackStatus } from '@rapport/protocol';
import { loadInbox } from '../actions/inbox';
import { ReplyForm } from '../components/ReplyForm';
import { ResolutionQuestion } from '../components/ResolutionQuestion';
import { useStore } from '../components/store-context';
import { useLoaded } from '../components/use-loaded';
import { format, type TextKey } from '../i18n';
import { dateFormatter } from '../i18n/format-date';

const STATUS: Record<FeedbackStatus, TextKey> = {
  new: 'statusNew',
  in_progress: 'statusInProgress',
  resolved: 'statusResolved',
};

/**
 * The customer's feedback threads, newest first, each with the team's replies and the
 * customer's own answers and a field to answer. Signed-in or not: an anonymous visitor sees
 * the threads of this browser. Every text is shown as text, line breaks kept. A thread the team
 * resolved asks "Did we solve this?" until the customer answers or dismisses it.
 */
export function Inbox() {
  const store = useStore();
  const t = store.texts.value;
  const inbox = useLoaded(store.inbox.value, () => loadInbox(store), t.inboxError);

  if (!inbox.ready) return inbox.screen;
  const threads = inbox.data.threads;
  if (threads.length === 0)
    return (
      <div class="empty">
        <p>{t.inboxEmpty}</p>
      </div>
    );

  const date = dateFormatter(store.settings.value.locale);
  return (
    <section aria-labelledby="rapport-inbox">
      <h3 id="rapport-inbox">{t.inboxTitle}</h3>
      <ul class="threads">
        {threads.map((thread) => (
          <li key={thread.id} class="thread">
            <p class="meta">
              <span class="badge">{t[STATUS[thread.status]]}</span>
              <span class="muted">{date(thread.createdAt)}</span>
            </p>
            {thread.surveyAnswer ? (
              <p class="muted">{format(t.detractorNote, { score: thread.surveyAnswer.score })}</p>
            ) : null}
            {thread.message.trim() ? <p class="mine">{thread.message}</p> : null}
            {thread.replies.map((reply) => (
              <div key={reply.id} class={reply.author === 'team' ? 'reply' : 'mine'}>
                <p class="muted">
                  {reply.author === 'team' ? t.team : t.you} · {date(reply.createdAt)}
                </p>
                <p>{reply.body}</p>
              </div>
            ))}
            <ResolutionQuestion thread={thread} />
            <ReplyForm threadId={thread.id} />
          </li>
        ))}
      </ul>
    </section>
  );
}
