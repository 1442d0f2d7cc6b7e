import type { Kysely, Selectable } from 'kysely';
import type { CsvValue } from '../csv';
import { isoOf, jsonOf } from './rows';
import type { Database } from './schema';

/** Largest export in rows; past it, ask for a date range (kept bounded to protect memory). */
export const MAX_EXPORT_ROWS = 100_000;

/** Tables that have a CSV export. */
export type ExportTable = 'feedback' | 'survey_responses';

/** One CSV export: the table it reads and its columns, each a header and a cell. */
export interface CsvExport<T extends ExportTable> {
  table: T;
  columns: Array<[header: string, cell: (row: Selectable<Database[T]>) => CsvValue]>;
}

/** `feedback.csv`: every feedback item, with the page it was sent from. */
export const FEEDBACK_EXPORT: CsvExport<'feedback'> = {
  table: 'feedback',
  columns: [
    ['id', (row) => row.id],
    ['created_at', (row) => isoOf(row.created_at)],
    ['status', (row) => row.status],
    ['category', (row) => row.category],
    ['rating', (row) => row.rating],
    ['message', (row) => row.message],
    ['email', (row) => row.email],
    ['user_id', (row) => row.user_id],
    ['anonymous_id', (row) => row.anonymous_id],
    ['url', (row) => jsonOf<{ url?: string } | null>(row.context)?.url],
  ],
};

/** `responses.csv`: every survey response, free-form answers as JSON. */
export const RESPONSES_EXPORT: CsvExport<'survey_responses'> = {
  table: 'survey_responses',
  columns: [
    ['id', (row) => row.id],
    ['created_at', (row) => isoOf(row.created_at)],
    ['survey_id', (row) => row.survey_id],
    ['score', (row) => row.score],
    ['comment', (row) => row.comment],
    ['answers', (row) => answersOf(row.answers)],
    ['user_id', (row) => row.user_id],
    ['anonymous_id', (row) => row.anonymous_id],
  ],
};

function answersOf(value: unknown): string | null {
  const answers = jsonOf<Record<string, unknown> | null>(value);
  return answers ? JSON.stringify(answers) : null;
}

/**
 * A project's rows of one export, oldest first, as the header and the CSV rows.
 *
 * @example
 * const { header, rows } = await exportRows(db, projectId, FEEDBACK_EXPORT);
 */
export async function exportRows<T extends ExportTable>(
  db: Kysely<Database>,
  projectId: string,
  spec: CsvExport<T>,
): Promise<{ header: string[]; rows: CsvValue[][] }> {
  const rows = (await db
    .selectFrom(spec.table as ExportTable)
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(MAX_EXPORT_ROWS)
    .execute()) as Selectable<Database[T]>[];
  return {
    header: spec.columns.map(([header]) => header),
    rows: rows.map((row) => spec.columns.map(([, cell]) => cell(row))),
  };
}
