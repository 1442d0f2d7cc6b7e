import { useState } from 'preact/hooks';
import { ApiError, isApiError } from '../api/client';
import type { SurveyType } from '../api/types';
import { useSubmit } from '../hooks/use-submit';
import {
  fieldId,
  fieldsOf,
  type SurveyDraft,
  type SurveyField,
  type SurveyProblems,
  serverProblems,
  surveyProblems,
} from '../survey-draft';
import { SURVEY_TYPE_LABELS } from '../survey-format';
import { Field } from './Field';
import { FollowUpFields } from './FollowUpFields';
import { SubmitRow } from './SubmitRow';
import { TargetingFields } from './TargetingFields';
import { TraitRulesFields } from './TraitRulesFields';
import { TranslationFields } from './TranslationFields';

interface SurveyFormProps {
  initial: SurveyDraft;
  /** Editing a stored survey: its type is fixed, and follow-ups once set cannot be removed. */
  editing?: { followUpSet: boolean };
  submitLabel: string;
  busyLabel: string;
  /** Sends the checked draft; rejects with the server's ApiError. */
  onSave: (draft: SurveyDraft) => Promise<void>;
}

/**
 * The survey builder: type, question, NPS follow-ups by band and targeting. Problems show
 * beside their field after a first try (checked here against the schema's limits, or sent back
 * by the server as `details`), and focus moves to the first one.
 */
export function SurveyForm({ initial, editing, submitLabel, busyLabel, onSave }: SurveyFormProps) {
  const [draft, setDraft] = useState(initial);
  const [fromServer, setFromServer] = useState<SurveyProblems>({});
  const local = surveyProblems(draft);
  const form = useSubmit(
    async () => {
      try {
        await onSave(draft);
      } catch (failure) {
        throw placeServerProblems(failure, fieldsOf(draft), setFromServer);
      }
    },
    () => {
      const first = fieldsOf(draft).find((field) => local[field]);
      if (first) focusLater(first);
      return first;
    },
  );
  const problems: SurveyProblems = { ...(form.tried ? local : {}), ...fromServer };
  const update = (next: Partial<SurveyDraft>, fields: SurveyField[] = []) => {
    setDraft({ ...draft, ...next });
    if (fields.some((field) => fromServer[field])) {
      setFromServer(withoutFields(fromServer, fields));
    }
  };
  const text = (field: SurveyField & keyof SurveyDraft) => ({
    id: fieldId(field),
    value: draft[field] as string,
    error: problems[field],
    onValue: (value: string) => update({ [field]: value }, [field]),
  });

  return (
    <form class="stack survey-form" onSubmit={form.submit} noValidate>
      <fieldset class="card stack">
        <legend>The question</legend>
        <Field
          {...text('name')}
          label="Name"
          hint="For your team only, in lists and reports. Visitors never see it."
          required
        />
        <TypeChoice
          type={draft.type}
          locked={editing !== undefined}
          onChange={(type) => update({ type })}
        />
        <Field {...text('question')} label="Question" hint={questionHint(draft.type)} required />
      </fieldset>
      {draft.type === 'nps' ? (
        <FollowUpFields
          draft={draft}
          problems={problems}
          canTurnOff={!editing?.followUpSet}
          onChange={update}
        />
      ) : null}
      <TranslationFields
        draft={draft}
        problems={problems}
        withFollowUp={draft.type === 'nps' && (draft.askFollowUp || editing?.followUpSet === true)}
        onChange={update}
      />
      <TargetingFields draft={draft} problems={problems} onChange={update} />
      <TraitRulesFields draft={draft} problems={problems} onChange={update} />
      <SubmitRow form={form} label={submitLabel} busyLabel={busyLabel} />
    </form>
  );
}

function questionHint(type: SurveyType): string {
  return type === 'nps'
    ? 'Shown above the 0–10 scale, e.g. “How likely are you to recommend us to a friend?”'
    : 'Shown above the 1–5 scale, e.g. “How satisfied are you with your order?”';
}

interface TypeChoiceProps {
  type: SurveyType;
  locked: boolean;
  onChange: (type: SurveyType) => void;
}

function TypeChoice({ type, locked, onChange }: TypeChoiceProps) {
  return (
    <fieldset class="choice" aria-describedby="survey-type-hint">
      <legend>Type</legend>
      {(Object.keys(SURVEY_TYPE_LABELS) as SurveyType[]).map((value) => (
        <label key={value} class="check">
          <input
            type="radio"
            name="survey-type"
            id={value === 'nps' ? fieldId('type') : undefined}
            value={value}
            checked={type === value}
            disabled={locked}
            onChange={() => onChange(value)}
          />
          {SURVEY_TYPE_LABELS[value]}
        </label>
      ))}
      <p class="hint" id="survey-type-hint">
        {locked
          ? 'The type cannot change once a survey exists: its answers would mix two scales.'
          : 'NPS asks how likely someone is to recommend you; CSAT how satisfied they are.'}
      </p>
    </fieldset>
  );
}

/** Focus after the render that wires the message to the field, so it is read out with it. */
function focusLater(field: SurveyField): void {
  setTimeout(() => document.getElementById(fieldId(field))?.focus());
}

function withoutFields(problems: SurveyProblems, fields: SurveyField[]): SurveyProblems {
  const rest = { ...problems };
  for (const field of fields) delete rest[field];
  return rest;
}

/**
 * A 400 whose `details` name fields: put each message beside its field, focus the first one,
 * and answer the error the form shows above its button.
 */
function placeServerProblems(
  failure: unknown,
  order: SurveyField[],
  show: (problems: SurveyProblems) => void,
): unknown {
  if (!isApiError(failure) || failure.status !== 400) return failure;
  const { fields, other } = serverProblems(failure.details);
  const first = order.find((field) => fields[field]);
  if (!first) return failure;
  show(fields);
  focusLater(first);
  const message = ['The server refused the fields marked below.', ...other].join(' ');
  return new ApiError(failure.code, message, failure.status, { details: failure.details });
}
