import type { SurveyType } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Types of the given surveys of a project, by id (unknown ids are absent). */
export async function surveyTypesById(
  db: Kysely<Database>,
  projectId: string,
  ids: string[],
): Promise<Map<string, SurveyType>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('surveys')
    .select(['id', 'type'])
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.type]));
}
