import { useEffect, useRef } from 'preact/hooks';
import { guard } from '../actions/report-error';
import { closeSurvey, markSurveyShown } from '../actions/surveys';
import { CsatSurvey } from '../panels/CsatSurvey';
import { NpsSurvey } from '../panels/NpsSurvey';
import { useStore } from './store-context';

/**
 * The card a survey pops up in, beside the launcher. It is not modal and does not take
 * focus from the page; Esc or the close button dismisses it. While the dialog is open the
 * card waits (the App does not render it), so the two never overlap.
 */
export function SurveyCard() {
  const store = useStore();
  const t = store.texts.value;
  const survey = store.survey.value;
  const thanks = store.surveyStep.value === 'thanks';
  const status = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (thanks) status.current?.focus();
  }, [thanks]);
  useEffect(() => {
    if (survey) markSurveyShown(store, survey.id);
  }, [survey, store]);

  if (!survey) return null;
  const close = guard(store.client, () => closeSurvey(store));
  return (
    <section
      class="survey"
      role="dialog"
      aria-labelledby={thanks ? 'rapport-survey-thanks' : 'rapport-survey-question'}
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <button type="button" class="icon close" aria-label={t.dismissSurvey} onClick={close}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M6 6l12 12M18 6L6 18" />
        </svg>
      </button>
      {thanks ? (
        <p ref={status} id="rapport-survey-thanks" class="question" role="status" tabIndex={-1}>
          {t.surveyThanks}
        </p>
      ) : survey.type === 'csat' ? (
        <CsatSurvey survey={survey} />
      ) : (
        <NpsSurvey survey={survey} />
      )}
    </section>
  );
}
