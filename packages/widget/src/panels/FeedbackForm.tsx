import { FEEDBACK_CATEGORIES, type FeedbackCategory, MAX_TEXT_LENGTH } from '@rapport/protocol';
import { useEffect, useRef } from 'preact/hooks';
import { resetFeedback, submitFeedback } from '../actions/feedback';
import { guard } from '../actions/report-error';
import { useStore } from '../components/store-context';
import { format, type TextKey } from '../i18n';

/** The text of each category's option. */
const CATEGORY_LABELS: Record<FeedbackCategory, TextKey> = {
  bug: 'categoryBug',
  idea: 'categoryIdea',
  praise: 'categoryPraise',
  question: 'categoryQuestion',
  other: 'categoryOther',
};

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const fieldValue = (event: Event) => (event.currentTarget as Field).value;

/** The id of the line under field `id`: its error while it has one, else its hint. */
const noteId = (id: string, error: string | undefined) =>
  `${id}-${error === undefined ? 'hint' : 'error'}`;

/** A field's state for assistive tech: invalid while it has an error, described by its note. */
const noteAttributes = (id: string, error: string | undefined) => ({
  'aria-invalid': error === undefined ? undefined : true,
  'aria-describedby': noteId(id, error),
});

interface FieldNoteProps {
  /** The field's id. */
  id: string;
  /** What is wrong with the field; undefined while nothing is. */
  error: string | undefined;
  hint: string;
}

/** The line under a field that its `aria-describedby` names: its error, else its hint. */
function FieldNote({ id, error, hint }: FieldNoteProps) {
  return (
    <p id={noteId(id, error)} class={error === undefined ? 'hint' : 'error'}>
      {error ?? hint}
    </p>
  );
}

/**
 * The feedback form: topic, message, optional email. A hidden honeypot and a minimum fill
 * time keep bots out; the SDK adds the page context (URL, user agent, viewport, locale).
 */
export function FeedbackForm() {
  const store = useStore();
  const t = store.texts.value;
  const form = store.feedback;
  const status = form.status.value;
  const errors = form.errors.value;
  const done = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (status === 'sent' || status === 'queued') done.current?.focus();
  }, [status]);
  // The minimum fill time counts from when a person could first see the form.
  useEffect(() => {
    form.startedAt.value = Date.now();
  }, [form]);

  if (status === 'sent' || status === 'queued') {
    return (
      <div ref={done} class="done" role="status" tabIndex={-1}>
        <h3>{t.sentTitle}</h3>
        <p>{status === 'sent' ? t.sent : t.queued}</p>
        <button
          type="button"
          class="secondary"
          onClick={guard(store.client, () => resetFeedback(store))}
        >
          {t.sendAnother}
        </button>
      </div>
    );
  }

  const sending = status === 'sending';
  const messageError = errors.message
    ? format(t[errors.message], { max: MAX_TEXT_LENGTH }, store.settings.value.locale)
    : undefined;
  const emailError = errors.email ? t[errors.email] : undefined;
  return (
    <form
      class="form"
      noValidate
      aria-busy={sending}
      onSubmit={guard(store.client, (event: Event) => {
        event.preventDefault();
        return submitFeedback(store);
      })}
    >
      <label for="rapport-category">{t.category}</label>
      <select
        id="rapport-category"
        value={form.category.value}
        onChange={(event) => {
          form.category.value = fieldValue(event) as typeof form.category.value;
        }}
      >
        <option value="">{t.categoryChoose}</option>
        {FEEDBACK_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t[CATEGORY_LABELS[category]]}
          </option>
        ))}
      </select>

      <label for="rapport-message">{t.message}</label>
      <textarea
        id="rapport-message"
        rows={5}
        required
        maxLength={MAX_TEXT_LENGTH}
        {...noteAttributes('rapport-message', messageError)}
        value={form.message.value}
        onInput={(event) => {
          form.message.value = fieldValue(event);
        }}
      />
      <FieldNote id="rapport-message" error={messageError} hint={t.messageHint} />

      <label for="rapport-email">{t.email}</label>
      <input
        id="rapport-email"
        type="email"
        autoComplete="email"
        {...noteAttributes('rapport-email', emailError)}
        value={form.email.value}
        onInput={(event) => {
          form.email.value = fieldValue(event);
        }}
      />
      <FieldNote id="rapport-email" error={emailError} hint={t.emailHint} />

      {/* Honeypot: off-screen, out of the tab order and hidden from assistive tech. */}
      <div class="trap" aria-hidden="true">
        <label for="rapport-website">{t.honeypot}</label>
        <input
          id="rapport-website"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={form.honeypot.value}
          onInput={(event) => {
            form.honeypot.value = fieldValue(event);
          }}
        />
      </div>

      {errors.form ? (
        <p class="error" role="alert">
          {t[errors.form]}
        </p>
      ) : null}
      <button type="submit" class="primary" disabled={sending}>
        {sending ? t.sending : t.send}
      </button>
    </form>
  );
}
