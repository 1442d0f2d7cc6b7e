import type { InboxThread } from '@rapport/protocol';
import { MAX_TEXT_LENGTH } from '@rapport/protocol';
import { guard } from '../actions/report-error';
import { answerResolution, editResolution, resolutionDraft } from '../actions/resolution';
import { format } from '../i18n';
import { ScoreScale } from './ScoreScale';
import { useStore } from './store-context';

const SCORES = [1, 2, 3, 4, 5];

/**
 * "Did we solve this?" inside a thread the team resolved: a 1–5 radio group, an optional
 * comment, Send and "Not now". Shown until the customer answers or dismisses it; once answered
 * it gives way to a thank-you (a live status, so screen readers hear it).
 */
export function ResolutionQuestion({ thread }: { thread: InboxThread }) {
  const store = useStore();
  const t = store.texts.value;
  const draft = resolutionDraft(store, thread.id);
  if (draft.status === 'thanks') {
    return (
      <p class="resolution" role="status">
        {t.resolutionThanks}
      </p>
    );
  }
  if (!thread.resolution || thread.resolution.answered) return null;
  const id = `rapport-resolution-${thread.id}`;
  const sending = draft.status === 'sending';
  const missingScore = draft.status === 'error' && draft.score === undefined;
  return (
    <form
      class="resolution"
      noValidate
      aria-labelledby={id}
      aria-busy={sending}
      onSubmit={guard(store.client, (event: Event) => {
        event.preventDefault();
        return answerResolution(store, thread);
      })}
    >
      <p id={id} class="question">
        {t.resolutionQuestion}
      </p>
      <ScoreScale
        scores={SCORES}
        selected={draft.score}
        onSelect={(score) => editResolution(store, thread.id, { score, status: 'editing' })}
        labelledBy={id}
        labelOf={(score) => format(t.resolutionScore, { score })}
        ends={[t.resolutionLow, t.resolutionHigh]}
      />
      <label for={`${id}-comment`}>{t.resolutionComment}</label>
      <textarea
        id={`${id}-comment`}
        rows={2}
        maxLength={MAX_TEXT_LENGTH}
        value={draft.comment}
        onInput={(event) =>
          editResolution(store, thread.id, { comment: event.currentTarget.value })
        }
      />
      {draft.status === 'error' ? (
        <p class="error" role="alert">
          {missingScore ? t.resolutionScoreRequired : t.surveyError}
        </p>
      ) : null}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={sending}
          onClick={guard(store.client, () => answerResolution(store, thread, true))}
        >
          {t.resolutionDismiss}
        </button>
        <button type="submit" class="primary" disabled={sending}>
          {sending ? t.sending : t.surveySubmit}
        </button>
      </div>
    </form>
  );
}
