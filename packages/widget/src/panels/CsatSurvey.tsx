import type { EligibleSurvey } from '@rapport/protocol';
import { pickSurveyScore } from '../actions/surveys';
import { ScoreScale } from '../components/ScoreScale';
import { SurveyFollowUp } from '../components/SurveyFollowUp';
import { useStore } from '../components/store-context';
import type { TextKey } from '../i18n';
import { surveyTexts } from '../i18n/survey-texts';

const LABELS: TextKey[] = [
  'csatVeryUnsatisfied',
  'csatUnsatisfied',
  'csatNeutral',
  'csatSatisfied',
  'csatVerySatisfied',
];

/** Customer satisfaction: a 1–5 row from "Very unsatisfied" to "Very satisfied". */
export function CsatSurvey({ survey }: { survey: EligibleSurvey }) {
  const store = useStore();
  const t = store.texts.value;
  const score = store.surveyScore.value;
  return (
    <>
      <p id="rapport-survey-question" class="question">
        {surveyTexts(survey, store.settings.value.locale).question || t.csatQuestion}
      </p>
      <ScoreScale
        scores={[1, 2, 3, 4, 5]}
        selected={score}
        onSelect={(value, by) => pickSurveyScore(store, value, by)}
        labelledBy="rapport-survey-question"
        labelOf={(value) => `${value}, ${t[LABELS[value - 1] ?? 'csatNeutral']}`}
        ends={[t.csatVeryUnsatisfied, t.csatVerySatisfied]}
      />
      {score === undefined ? null : <SurveyFollowUp question={t.surveyComment} />}
    </>
  );
}
