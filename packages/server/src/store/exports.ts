import type { Kysely } from 'kysely';
import type { CsvValue } from '../csv';
import { isoOf, jsonOf } from './rows';
import type { Database } from './schema';

/** Largest export in rows; past it, ask for a date range (kept bounded to protect memory). */
export const MAX_EXPORT_ROWS = 100_000;

/** Columns of `feedback.csv`. */
export const FEEDBACK_CSV_HEADER = [
  'id',
  'created_at',
  'status',
  'category',
  'rating',
  'message',
  'email',
  'user_id',
  'anonymous_id',
  'url',
];

/** Every feedback item of a project as CSV rows, oldest first. */
export async function feedbackCsvRows(db: Kysely<Database>, projectId: string) {
  const rows = await db
    .selectFrom('feedback')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(MAX_EXPORT_ROWS)
    .execute();
  return rows.map((row): CsvValue[] => [
    row.id,
    isoOf(row.created_at),
    row.status,
    row.category,
    row.rating,
    row.message,
    row.email,
    row.user_id,
    row.anonymous_id,
    jsonOf<{ url?: string } | null>(row.context)?.url,
  ]);
}

/** Columns of `responses.csv`. */
export const RESPONSES_CSV_HEADER = [
  'id',
  'created_at',
  'survey_id',
  'score',
  'comment',
  'answers',
  'user_id',
  'anonymous_id',
];

/** Every survey response of a project as CSV rows, oldest first. */
export async function responsesCsvRows(db: Kysely<Database>, projectId: string) {
  const rows = await db
    .selectFrom('survey_responses')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(MAX_EXPORT_ROWS)
    .execute();
  return rows.map((row): CsvValue[] => {
    const answers = jsonOf<Record<string, unknown> | null>(row.answers);
    return [
      row.id,
      isoOf(row.created_at),
      row.survey_id,
      row.score,
      row.comment,
      answers ? JSON.stringify(answers) : null,
      row.user_id,
      row.anonymous_id,
    ];
  });
}
