import type { EligibleSurvey } from '@rapport/protocol';
import { pickSurveyScore } from '../actions/surveys';
import { ScoreScale } from '../components/ScoreScale';
import { SurveyFollowUp } from '../components/SurveyFollowUp';
import { useStore } from '../components/store-context';
import { surveyTexts } from '../i18n/survey-texts';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * Net Promoter Score: the 0–10 row with labelled ends, then the follow-up question for
 * the score's band (0–6 detractor, 7–8 passive, 9–10 promoter).
 */
export function NpsSurvey({ survey }: { survey: EligibleSurvey }) {
  const store = useStore();
  const t = store.texts.value;
  const score = store.surveyScore.value;
  return (
    <>
      <p id="rapport-survey-question" class="question">
        {surveyTexts(survey, store.settings.value.locale).question}
      </p>
      <ScoreScale
        scores={SCORES}
        selected={score}
        onSelect={(value, by) => pickSurveyScore(store, value, by)}
        labelledBy="rapport-survey-question"
        labelOf={(value) =>
          value === 0
            ? `0, ${t.npsNotLikely}`
            : value === 10
              ? `10, ${t.npsVeryLikely}`
              : String(value)
        }
        ends={[t.npsNotLikely, t.npsVeryLikely]}
      />
      {score === undefined ? null : <SurveyFollowUp question={store.followUp.value ?? ''} />}
    </>
  );
}
