import type { ListedSurvey } from '../api/types';
import { href } from '../router';
import { describeTargeting, SURVEY_TYPE_LABELS } from '../survey-format';
import { SurveyActions, type SurveyChange } from './SurveyActions';
import { SurveyFigures } from './SurveyFigures';

interface SurveyListItemProps {
  projectId: string;
  survey: ListedSurvey;
  canWrite: boolean;
  onChange: (change: SurveyChange) => void;
}

/** One survey in the list: name, status, question, type, targeting, results and actions. */
export function SurveyListItem({ projectId, survey, canWrite, onChange }: SurveyListItemProps) {
  return (
    <li class="card stack survey-item">
      <div class="row-between">
        <h2 class="survey-name">
          <a href={href(['projects', projectId, 'surveys', survey.id, 'report'])}>{survey.name}</a>
        </h2>
        <span class={survey.active ? 'badge badge-active' : 'badge'}>
          {survey.active ? 'Active' : 'Paused'}
        </span>
      </div>
      <p class="survey-question">“{survey.question}”</p>
      <dl class="facts survey-facts">
        <dt>Type</dt>
        <dd>{SURVEY_TYPE_LABELS[survey.type]}</dd>
        <dt>Shown</dt>
        <dd>{describeTargeting(survey).join(' · ')}</dd>
        <dt>Results</dt>
        <dd>
          <SurveyFigures survey={survey} />
        </dd>
      </dl>
      {canWrite ? (
        <SurveyActions projectId={projectId} survey={survey} onChange={onChange} />
      ) : null}
    </li>
  );
}
