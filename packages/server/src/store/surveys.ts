import type { Survey, surveyInputSchema, surveyPatchSchema } from '@rapport/protocol/schemas';
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import { isoOf, jsonOf } from './rows';
import type { Database, SurveysTable } from './schema';

type SurveyInput = z.output<typeof surveyInputSchema>;
type SurveyPatch = z.output<typeof surveyPatchSchema>;

/** A stored survey row as the API's `Survey`. */
export function toSurvey(row: Selectable<SurveysTable>): Survey {
  const survey: Survey = {
    id: row.id,
    name: row.name,
    type: row.type,
    question: row.question,
    samplePercent: Number(row.sample_percent),
    recontactDays: Number(row.recontact_days),
    active: row.active,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
  };
  const followUp = jsonOf<Survey['followUp'] | null>(row.follow_up);
  const targeting = jsonOf<Survey['targeting'] | null>(row.targeting);
  const translations = jsonOf<Survey['translations'] | null>(row.translations);
  if (followUp) survey.followUp = followUp;
  if (targeting) survey.targeting = targeting;
  if (translations) survey.translations = translations;
  return survey;
}

/** Translations as stored: none (absent or `{}`, which a PATCH sends to clear them) is NULL. */
function translationsColumn(translations: Survey['translations']): string | null {
  return translations && Object.keys(translations).length > 0 ? JSON.stringify(translations) : null;
}

/** Surveys of a project, oldest first; `activeOnly` for what visitors may see. */
export async function listSurveys(
  db: Kysely<Database>,
  projectId: string,
  activeOnly = false,
): Promise<Survey[]> {
  let query = db.selectFrom('surveys').selectAll().where('project_id', '=', projectId);
  if (activeOnly) query = query.where('active', '=', true);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  return rows.map(toSurvey);
}

/** One survey of a project, or undefined. */
export async function getSurvey(
  db: Kysely<Database>,
  projectId: string,
  id: string,
): Promise<Survey | undefined> {
  const row = await db
    .selectFrom('surveys')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toSurvey(row) : undefined;
}

/** Inserts a survey; returns undefined when the id is taken. */
export async function createSurvey(
  db: Kysely<Database>,
  projectId: string,
  id: string,
  input: SurveyInput,
  now: Date,
): Promise<Survey | undefined> {
  const row = await db
    .insertInto('surveys')
    .values({
      project_id: projectId,
      id,
      name: input.name,
      type: input.type,
      question: input.question,
      follow_up: JSON.stringify(input.followUp ?? null),
      targeting: JSON.stringify(input.targeting ?? null),
      translations: translationsColumn(input.translations),
      sample_percent: input.samplePercent,
      recontact_days: input.recontactDays,
      active: input.active,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['project_id', 'id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toSurvey(row) : undefined;
}

/** Applies a partial update; returns undefined when there is no such survey. */
export async function updateSurvey(
  db: Kysely<Database>,
  projectId: string,
  id: string,
  patch: SurveyPatch,
  now: Date,
): Promise<Survey | undefined> {
  const row = await db
    .updateTable('surveys')
    .set({
      updated_at: now,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.type !== undefined && { type: patch.type }),
      ...(patch.question !== undefined && { question: patch.question }),
      ...(patch.followUp !== undefined && { follow_up: JSON.stringify(patch.followUp) }),
      ...(patch.targeting !== undefined && { targeting: JSON.stringify(patch.targeting) }),
      ...(patch.translations !== undefined && {
        translations: translationsColumn(patch.translations),
      }),
      ...(patch.samplePercent !== undefined && { sample_percent: patch.samplePercent }),
      ...(patch.recontactDays !== undefined && { recontact_days: patch.recontactDays }),
      ...(patch.active !== undefined && { active: patch.active }),
    })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toSurvey(row) : undefined;
}

/** Deletes a survey (its responses stay, for reporting); false when there was none. */
export async function deleteSurvey(
  db: Kysely<Database>,
  projectId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('surveys')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
