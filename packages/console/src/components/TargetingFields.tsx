import { TARGETING_LIMITS } from '@rapport/protocol';
import { fieldId, type SurveyDraft, type SurveyField, type SurveyProblems } from '../survey-draft';
import { Field } from './Field';

interface TargetingFieldsProps {
  draft: SurveyDraft;
  problems: SurveyProblems;
  onChange: (next: Partial<SurveyDraft>, fields?: SurveyField[]) => void;
}

type TextKey =
  | 'urlContains'
  | 'event'
  | 'delaySeconds'
  | 'startDate'
  | 'endDate'
  | 'samplePercent'
  | 'recontactDays';

/**
 * Who sees the survey and when: every condition given must hold (`targetingSchema`), then
 * sampling and the recontact period; the project's days between two surveys apply on top.
 */
export function TargetingFields({ draft, problems, onChange }: TargetingFieldsProps) {
  const text = (key: TextKey, field: SurveyField) => ({
    id: fieldId(field),
    value: draft[key],
    error: problems[field],
    onValue: (value: string) => onChange({ [key]: value }, [field]),
  });
  return (
    <fieldset class="card stack">
      <legend>Who sees it, and when</legend>
      <Field
        {...text('urlContains', 'targeting.urlContains')}
        label="Page URL contains"
        hint="Only on pages whose address contains this text, like /checkout. Empty: every page."
        autocomplete="off"
        spellcheck={false}
      />
      <Field
        {...text('event', 'targeting.event')}
        label="After the event"
        hint="Only once your site has tracked this event for the visitor, like purchase. Empty: no event needed."
        autocomplete="off"
        spellcheck={false}
      />
      <Field
        {...text('delaySeconds', 'targeting.delaySeconds')}
        label="Delay (seconds)"
        hint={`How long the page is open before the survey shows, 0 to ${TARGETING_LIMITS.delaySeconds}.`}
        type="number"
        inputMode="numeric"
        min={0}
        max={TARGETING_LIMITS.delaySeconds}
        step={1}
      />
      <div class="row wrap">
        <Field
          {...text('startDate', 'targeting.startsAt')}
          label="First day (optional)"
          hint="From midnight, your time. Empty: from now."
          type="date"
        />
        <Field
          {...text('endDate', 'targeting.endsAt')}
          label="Last day (optional)"
          hint="Until the end of that day, your time. Empty: until paused."
          type="date"
        />
      </div>
      <Field
        {...text('samplePercent', 'samplePercent')}
        label="Share of visitors (%)"
        hint="Of the visitors who qualify, this share is asked (the same ones each time)."
        type="number"
        inputMode="decimal"
        min={0}
        max={100}
        step="any"
        required
      />
      <Field
        {...text('recontactDays', 'recontactDays')}
        label="Ask the same person again after (days)"
        hint={`Counted from their answer or dismissal, 0 to ${TARGETING_LIMITS.recontactDays}.`}
        type="number"
        inputMode="numeric"
        min={0}
        max={TARGETING_LIMITS.recontactDays}
        step={1}
        required
      />
      <label class="check">
        <input
          type="checkbox"
          checked={draft.active}
          aria-describedby="survey-active-hint"
          onChange={(event) => onChange({ active: event.currentTarget.checked })}
        />
        Active
      </label>
      <p class="hint" id="survey-active-hint">
        Paused surveys are shown to nobody; their answers stay.
      </p>
    </fieldset>
  );
}
