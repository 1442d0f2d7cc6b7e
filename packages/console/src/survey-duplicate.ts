import { MAX_LABEL_LENGTH } from '@rapport/protocol';
import type { ListedSurvey, SurveyInput } from './api/types';

/** " (copy)", added to a duplicate's name. */
const COPY_SUFFIX = ' (copy)';

/** A paused copy of a survey, named "… (copy)" within the name limit (the list's figures stay). */
export function duplicateBody(survey: ListedSurvey): SurveyInput {
  const {
    id: _id,
    createdAt: _created,
    updatedAt: _updated,
    summary: _summary,
    ...fields
  } = survey;
  const name = survey.name.slice(0, MAX_LABEL_LENGTH - COPY_SUFFIX.length) + COPY_SUFFIX;
  return { ...fields, name, active: false };
}
