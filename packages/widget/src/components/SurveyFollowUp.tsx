import { guard } from '../actions/report-error';
import { answerSurvey } from '../actions/surveys';
import { useStore } from './store-context';

/** The optional comment under a chosen score, and the button that sends the answer. */
export function SurveyFollowUp({ question }: { question: string }) {
  const store = useStore();
  const t = store.texts.value;
  const step = store.surveyStep.value;
  return (
    <form
      class="form"
      noValidate
      onSubmit={guard(store.client, (event: Event) => {
        event.preventDefault();
        return answerSurvey(store);
      })}
    >
      <label for="rapport-survey-comment">{question}</label>
      <textarea
        id="rapport-survey-comment"
        rows={3}
        value={store.surveyComment.value}
        onInput={(event) => {
          store.surveyComment.value = (event.currentTarget as HTMLTextAreaElement).value;
        }}
      />
      {step === 'error' ? (
        <p class="error" role="alert">
          {t.surveyError}
        </p>
      ) : null}
      <button type="submit" class="primary" disabled={step === 'sending'}>
        {step === 'sending' ? t.sending : t.surveySubmit}
      </button>
    </form>
  );
}
