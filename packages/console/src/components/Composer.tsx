import { MAX_TEXT_LENGTH } from '@rapport/protocol';
import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import { admin, session } from '../store';

interface ComposerProps {
  projectId: string;
  feedbackId: string;
  onSent: () => void;
}

/** The reply box (the customer sees it, signed with your name) and the internal note box. */
export function Composer({ projectId, feedbackId, onSent }: ComposerProps) {
  return (
    <section aria-labelledby="compose-heading" class="stack">
      <h2 id="compose-heading" class="visually-hidden">
        Answer
      </h2>
      <Box
        id="reply"
        label="Reply"
        button="Send reply"
        hint={`The customer sees it in the widget, signed ${session.value?.user.name ?? 'with your name'}.`}
        send={(body) => admin(projectId).reply(feedbackId, body)}
        onSent={onSent}
      />
      <Box
        id="note"
        label="Internal note"
        button="Add note"
        hint="Only your team sees notes."
        send={(body) => admin(projectId).note(feedbackId, body)}
        onSent={onSent}
        note
      />
    </section>
  );
}

interface BoxProps {
  id: string;
  label: string;
  button: string;
  hint: string;
  send: (body: string) => Promise<unknown>;
  onSent: () => void;
  note?: boolean;
}

function Box({ id, label, button, hint, send, onSent, note }: BoxProps) {
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!body.trim()) return setError(`Write the ${note ? 'note' : 'reply'} first.`);
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await send(body.trim());
      setBody('');
      setDone(true);
      onSent();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class={note ? 'card stack note-box' : 'card stack'} onSubmit={submit} noValidate>
      <label for={id}>{label}</label>
      <textarea
        id={id}
        rows={note ? 2 : 4}
        maxLength={MAX_TEXT_LENGTH}
        value={body}
        aria-describedby={`${id}-hint`}
        onInput={(event) => setBody(event.currentTarget.value)}
      />
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <div role="status" class={error ? 'form-error' : 'form-ok'}>
        {error ?? (done ? (note ? 'Note added.' : 'Reply sent.') : '')}
      </div>
      <button type="submit" class={note ? 'secondary' : undefined} disabled={busy}>
        {busy ? 'Sending…' : button}
      </button>
    </form>
  );
}
