import { MAX_TEXT_LENGTH } from '@rapport/protocol';
import { sendReply, setReplyDraft } from '../actions/reply';
import { guard } from '../actions/report-error';
import { useStore } from './store-context';

/**
 * The customer's answer in one thread: a field labelled "Your reply" and a Send button. Enter
 * makes a new line (line breaks are kept); Send — or Ctrl/⌘+Enter — sends it.
 */
export function ReplyForm({ threadId }: { threadId: string }) {
  const store = useStore();
  const t = store.texts.value;
  const draft = store.replies.drafts.value[threadId] ?? '';
  const status = store.replies.status.value[threadId];
  const sending = status === 'sending';
  const field = `rapport-reply-${threadId}`;
  const send = guard(store.client, () => sendReply(store, threadId));
  return (
    <form
      class="reply-form"
      noValidate
      aria-busy={sending}
      onSubmit={(event: Event) => {
        event.preventDefault();
        send();
      }}
    >
      <label for={field}>{t.yourReply}</label>
      <textarea
        id={field}
        rows={2}
        maxLength={MAX_TEXT_LENGTH}
        aria-invalid={status === 'error' ? true : undefined}
        aria-describedby={status === 'error' ? `${field}-error` : undefined}
        value={draft}
        onInput={(event) => setReplyDraft(store, threadId, event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
      {status === 'error' ? (
        <p id={`${field}-error`} class="error" role="alert">
          {t.replyError}
        </p>
      ) : null}
      {status === 'queued' ? <p role="status">{t.queued}</p> : null}
      <button type="submit" class="primary" disabled={sending}>
        {sending ? t.sending : t.send}
      </button>
    </form>
  );
}
