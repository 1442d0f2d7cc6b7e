import { NPS_BANDS, type NpsBand } from '@rapport/protocol';
import {
  fieldId,
  NPS_BAND_RANGES,
  type SurveyDraft,
  type SurveyField,
  type SurveyProblems,
} from '../survey-draft';
import { Field } from './Field';

const BAND_LABELS: Record<NpsBand, string> = {
  detractor: 'Detractors',
  passive: 'Passives',
  promoter: 'Promoters',
};

interface FollowUpFieldsProps {
  draft: SurveyDraft;
  problems: SurveyProblems;
  /** False once a stored survey has follow-ups: the admin API can change them, not remove them. */
  canTurnOff: boolean;
  onChange: (next: Partial<SurveyDraft>, fields?: SurveyField[]) => void;
}

/** The NPS follow-up question asked after the score, one per band. */
export function FollowUpFields({ draft, problems, canTurnOff, onChange }: FollowUpFieldsProps) {
  const asking = draft.askFollowUp || !canTurnOff;
  return (
    <fieldset class="card stack">
      <legend>Follow-up question</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={asking}
          disabled={!canTurnOff}
          aria-describedby="survey-follow-up-hint"
          onChange={(event) => onChange({ askFollowUp: event.currentTarget.checked })}
        />
        Ask a follow-up question chosen by the score
      </label>
      <p class="hint" id="survey-follow-up-hint">
        {canTurnOff
          ? 'Otherwise the widget asks its own default question for each band.'
          : 'Follow-up questions can be changed but not removed once saved.'}
      </p>
      {asking
        ? NPS_BANDS.map((band) => {
            const field = `followUp.${band}` as const;
            return (
              <Field
                key={band}
                id={fieldId(field)}
                label={`${BAND_LABELS[band]} (${NPS_BAND_RANGES[band]})`}
                value={draft.followUp[band]}
                error={problems[field]}
                required
                onValue={(value) =>
                  onChange({ followUp: { ...draft.followUp, [band]: value } }, [field])
                }
              />
            );
          })
        : null}
    </fieldset>
  );
}
