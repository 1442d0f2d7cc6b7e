/**
 * The survey form's model: a draft as typed, the checks that mirror the server's
 * `surveyInputSchema` (so most mistakes are named before the round trip), and the bodies the
 * admin API takes. Pure functions, no Preact: tested directly and used by the form.
 */
import {
  MAX_EVENT_NAME_LENGTH,
  MAX_LABEL_LENGTH,
  NPS_BANDS,
  type NpsBand,
  npsBand,
  TARGETING_LIMITS,
} from '@rapport/protocol';
import type { Survey, SurveyInput, SurveyPatch, SurveyType } from './api/types';
import { localDay, midnightOf } from './local-day';
import {
  type TranslationDraft,
  type TranslationField,
  translationDrafts,
  translationFields,
  translationProblems,
  translationsBody,
} from './survey-translations';
import {
  ruleDraftsOf,
  ruleFields,
  ruleProblems,
  type TraitRuleDraft,
  type TraitRuleField,
  traitTargetingOf,
} from './trait-rules-draft';

/** The form as typed: numbers stay text so a half-typed value is neither lost nor coerced. */
export interface SurveyDraft {
  name: string;
  type: SurveyType;
  question: string;
  /** NPS only: ask the band's follow-up question after the score. */
  askFollowUp: boolean;
  followUp: Record<NpsBand, string>;
  urlContains: string;
  event: string;
  delaySeconds: string;
  /** `YYYY-MM-DD` in the viewer's time zone, or empty: the first and the last day it shows. */
  startDate: string;
  endDate: string;
  /** Rules on verified traits: all of them must hold, or any one. */
  traitMatch: 'all' | 'any';
  traitRules: TraitRuleDraft[];
  samplePercent: string;
  recontactDays: string;
  active: boolean;
  /** The question and follow-ups in other languages. */
  translations: TranslationDraft[];
}

/** The fields a problem can belong to, named as the server's `details[].path` names them. */
export type SurveyField =
  | 'name'
  | 'type'
  | 'question'
  | `followUp.${NpsBand}`
  | 'targeting.urlContains'
  | 'targeting.event'
  | 'targeting.delaySeconds'
  | 'targeting.startsAt'
  | 'targeting.endsAt'
  | TraitRuleField
  | 'samplePercent'
  | 'recontactDays'
  | TranslationField;

export type SurveyProblems = Partial<Record<SurveyField, string>>;

/** The fields every draft has, in form order; {@link fieldsOf} adds the trait rules'. */
const SURVEY_FIELDS: readonly SurveyField[] = [
  'name',
  'type',
  'question',
  ...NPS_BANDS.map((band) => `followUp.${band}` as const),
  'targeting.urlContains',
  'targeting.event',
  'targeting.delaySeconds',
  'targeting.startsAt',
  'targeting.endsAt',
  'samplePercent',
  'recontactDays',
];

/**
 * A draft's fields in form order, so focus goes to the first one with a problem: the
 * translations after the follow-ups, the trait rules after the targeting.
 */
export function fieldsOf(draft: SurveyDraft): SurveyField[] {
  const [before, after] = [SURVEY_FIELDS.slice(0, 6), SURVEY_FIELDS.slice(6)];
  return [
    ...before,
    ...translationFields(draft.translations),
    ...after,
    ...ruleFields(draft.traitRules),
  ];
}

/** The element id of a field's control: `survey-followUp-promoter`. */
export function fieldId(field: SurveyField): string {
  return `survey-${field.replaceAll('.', '-')}`;
}

/** The scores of each NPS band, "0–6", "7–8", "9–10", read from the protocol's `npsBand`. */
export const NPS_BAND_RANGES = Object.fromEntries(
  NPS_BANDS.map((band) => {
    const scores = Array.from({ length: 11 }, (_, score) => score).filter(
      (score) => npsBand(score) === band,
    );
    return [band, `${scores[0]}–${scores.at(-1)}`];
  }),
) as Record<NpsBand, string>;

/** What the server fills in when a field is left out (`surveyInputSchema` defaults). */
const DEFAULTS = { samplePercent: 100, recontactDays: 90 } as const;

/** An empty draft for a new survey. */
export function emptyDraft(): SurveyDraft {
  return {
    name: '',
    type: 'nps',
    question: '',
    askFollowUp: false,
    followUp: { detractor: '', passive: '', promoter: '' },
    urlContains: '',
    event: '',
    delaySeconds: '0',
    startDate: '',
    endDate: '',
    traitMatch: 'all',
    traitRules: [],
    samplePercent: String(DEFAULTS.samplePercent),
    recontactDays: String(DEFAULTS.recontactDays),
    active: true,
    translations: [],
  };
}

/** The draft of a stored survey, for editing. */
export function draftOf(survey: Survey): SurveyDraft {
  return {
    name: survey.name,
    type: survey.type,
    question: survey.question,
    askFollowUp: survey.followUp !== undefined,
    followUp: survey.followUp ?? { detractor: '', passive: '', promoter: '' },
    urlContains: survey.targeting?.urlContains ?? '',
    event: survey.targeting?.event ?? '',
    delaySeconds: String(survey.targeting?.delaySeconds ?? 0),
    startDate: survey.targeting?.startsAt ? localDay(Date.parse(survey.targeting.startsAt)) : '',
    // The end is stored exclusive (the midnight after the last day).
    endDate: survey.targeting?.endsAt ? localDay(Date.parse(survey.targeting.endsAt) - 1) : '',
    traitMatch: survey.targeting?.traits?.match ?? 'all',
    traitRules: ruleDraftsOf(survey.targeting?.traits),
    samplePercent: String(survey.samplePercent),
    recontactDays: String(survey.recontactDays),
    active: survey.active,
    translations: translationDrafts(survey),
  };
}

const WHOLE = /^\d+$/;

function labelProblem(value: string, missing: string): string | undefined {
  const text = value.trim();
  if (!text) return missing;
  return text.length > MAX_LABEL_LENGTH ? tooLong(MAX_LABEL_LENGTH, text.length) : undefined;
}

function tooLong(max: number, length: number): string {
  return `Use at most ${max} characters (this has ${length}).`;
}

function wholeProblem(value: string, max: number, unit: string): string | undefined {
  const text = value.trim();
  if (WHOLE.test(text) && Number(text) <= max) return undefined;
  return `Enter a whole number of ${unit} from 0 to ${max}.`;
}

/** Every problem of a draft, by field; empty when the server should accept it. */
export function surveyProblems(draft: SurveyDraft): SurveyProblems {
  const problems: SurveyProblems = {
    name: labelProblem(draft.name, 'Give the survey a name your team will recognise.'),
    question: labelProblem(draft.question, 'Write the question visitors will see.'),
  };
  if (followsUp(draft)) {
    for (const band of NPS_BANDS) {
      problems[`followUp.${band}`] = labelProblem(
        draft.followUp[band],
        `Write the question for ${band}s (${NPS_BAND_RANGES[band]}), or stop asking follow-ups.`,
      );
    }
  }
  const url = draft.urlContains.trim();
  if (url.length > TARGETING_LIMITS.urlContains) {
    problems['targeting.urlContains'] = tooLong(TARGETING_LIMITS.urlContains, url.length);
  }
  const event = draft.event.trim();
  if (event.length > MAX_EVENT_NAME_LENGTH) {
    problems['targeting.event'] = tooLong(MAX_EVENT_NAME_LENGTH, event.length);
  }
  if (draft.delaySeconds.trim()) {
    problems['targeting.delaySeconds'] = wholeProblem(
      draft.delaySeconds,
      TARGETING_LIMITS.delaySeconds,
      'seconds',
    );
  }
  const start = draft.startDate ? midnightOf(draft.startDate, 0) : undefined;
  const end = draft.endDate ? midnightOf(draft.endDate, 1) : undefined;
  if (start === null) problems['targeting.startsAt'] = 'Enter a date, or leave it empty.';
  if (end === null) problems['targeting.endsAt'] = 'Enter a date, or leave it empty.';
  else if (start && end && end <= start) {
    problems['targeting.endsAt'] = 'The last day must be on or after the first day.';
  }
  Object.assign(problems, ruleProblems(draft.traitRules));
  const share = Number(draft.samplePercent.trim() || Number.NaN);
  if (!(share >= 0 && share <= 100)) problems.samplePercent = 'Enter a share from 0 to 100.';
  problems.recontactDays = wholeProblem(
    draft.recontactDays,
    TARGETING_LIMITS.recontactDays,
    'days',
  );
  Object.assign(problems, translationProblems(draft.translations, followsUp(draft)));
  return Object.fromEntries(
    Object.entries(problems).filter(([, problem]) => problem !== undefined),
  ) as SurveyProblems;
}

/** Follow-ups are NPS only: the widget's CSAT card asks its own comment question. */
function followsUp(draft: SurveyDraft): boolean {
  return draft.type === 'nps' && draft.askFollowUp;
}

function targetingOf(draft: SurveyDraft): NonNullable<SurveyInput['targeting']> {
  const targeting: NonNullable<SurveyInput['targeting']> = {};
  const url = draft.urlContains.trim();
  const event = draft.event.trim();
  const delay = Number(draft.delaySeconds.trim() || 0);
  if (url) targeting.urlContains = url;
  if (event) targeting.event = event;
  if (delay > 0) targeting.delaySeconds = delay;
  const start = draft.startDate ? midnightOf(draft.startDate, 0) : undefined;
  const end = draft.endDate ? midnightOf(draft.endDate, 1) : undefined;
  if (start) targeting.startsAt = start.toISOString();
  if (end) targeting.endsAt = end.toISOString();
  const traits = traitTargetingOf(draft.traitMatch, draft.traitRules);
  if (traits) targeting.traits = traits;
  return targeting;
}

function followUpOf(draft: SurveyDraft): SurveyInput['followUp'] {
  if (!followsUp(draft)) return undefined;
  const { detractor, passive, promoter } = draft.followUp;
  return { detractor: detractor.trim(), passive: passive.trim(), promoter: promoter.trim() };
}

/** The body of `POST /v1/admin/surveys` for a checked draft (the server picks the id). */
export function createBody(draft: SurveyDraft): SurveyInput {
  const body: SurveyInput = {
    name: draft.name.trim(),
    type: draft.type,
    question: draft.question.trim(),
    samplePercent: Number(draft.samplePercent.trim()),
    recontactDays: Number(draft.recontactDays.trim()),
    active: draft.active,
  };
  const followUp = followUpOf(draft);
  const targeting = targetingOf(draft);
  const translations = translationsBody(draft.translations, followsUp(draft));
  if (followUp) body.followUp = followUp;
  if (Object.keys(targeting).length > 0) body.targeting = targeting;
  if (Object.keys(translations).length > 0) body.translations = translations;
  return body;
}

/**
 * The body of `PATCH /v1/admin/surveys/:id`: every field the form shows, the type excepted
 * (it is fixed once answers may exist). `targeting` is sent whole, `{}` when cleared, because
 * the server replaces it; so are `translations`, `{}` when none. `followUp` cannot be cleared through the API, so it is sent only
 * when asked.
 */
export function patchBody(draft: SurveyDraft): SurveyPatch {
  const { type: _type, ...body } = createBody(draft);
  const translations = translationsBody(draft.translations, followsUp(draft));
  return { ...body, targeting: targetingOf(draft), translations };
}

/**
 * Sorts the server's `details` (`[{ path, message }]` from a 400) into the fields they name
 * and the rest, which the form shows above its button.
 */
export function serverProblems(details: unknown): { fields: SurveyProblems; other: string[] } {
  const fields: SurveyProblems = {};
  const other: string[] = [];
  if (!Array.isArray(details)) return { fields, other };
  for (const issue of details as { path?: unknown; message?: unknown }[]) {
    if (typeof issue?.message !== 'string') continue;
    const path = typeof issue.path === 'string' ? issue.path : '';
    const field = isSurveyField(path) ? path : undefined;
    if (field) fields[field] ??= issue.message;
    else other.push(path ? `${path}: ${issue.message}` : issue.message);
  }
  return { fields, other };
}

const RULE_FIELD = /^targeting\.traits\.rules\.\d+\.(trait|value)$/;

function isSurveyField(path: string): path is SurveyField {
  return (
    SURVEY_FIELDS.includes(path as SurveyField) ||
    RULE_FIELD.test(path) ||
    path.startsWith('translations.')
  );
}
