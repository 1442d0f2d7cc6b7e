import {
  NPS_BAND_SCORES,
  type NpsBand,
  type SurveyComment,
  type SurveyCommentsPage,
} from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { type CursorPosition, encodeCursor } from '../cursor';
import type { TimeRange } from './counted-answers';
import { isoOf } from './rows';
import type { Database } from './schema';

/** Filters of {@link listSurveyComments}. */
export interface CommentFilter {
  range: TimeRange;
  band?: NpsBand;
  score?: number;
  q?: string;
  cursor?: CursorPosition;
  limit: number;
}

/** `%text%` for ILIKE, with the pattern characters of `text` matched literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/**
 * Answers of a survey that carry a comment, newest first, a page at a time. Every answer
 * with a comment is listed, not only the counted (latest) ones: a comment is what someone
 * said at the time, and an earlier one is still worth reading.
 */
export async function listSurveyComments(
  db: Kysely<Database>,
  projectId: string,
  surveyId: string,
  filter: CommentFilter,
): Promise<SurveyCommentsPage> {
  const conditions = [
    sql`project_id = ${projectId}`,
    sql`survey_id = ${surveyId}`,
    sql`comment IS NOT NULL AND btrim(comment) <> ''`,
  ];
  if (filter.range.from) conditions.push(sql`created_at >= ${filter.range.from.toISOString()}`);
  if (filter.range.to) conditions.push(sql`created_at < ${filter.range.to.toISOString()}`);
  if (filter.band) {
    const [low, high] = NPS_BAND_SCORES[filter.band];
    conditions.push(sql`score BETWEEN ${low} AND ${high}`);
  }
  if (filter.score !== undefined) conditions.push(sql`score = ${filter.score}`);
  if (filter.q) conditions.push(sql`comment ILIKE ${containsPattern(filter.q)}`);
  if (filter.cursor) {
    conditions.push(
      sql`(created_at, id) < (${filter.cursor.at}::timestamptz, ${filter.cursor.id})`,
    );
  }
  const { rows } = await sql<{
    id: string;
    score: number | null;
    comment: string;
    user_id: string | null;
    anonymous_id: string;
    created_at: Date | string;
  }>`
    SELECT id, score, comment, user_id, anonymous_id, created_at FROM survey_responses
    WHERE ${sql.join(conditions, sql` AND `)}
    ORDER BY created_at DESC, id DESC
    LIMIT ${filter.limit + 1}`.execute(db);
  const items: SurveyComment[] = rows.slice(0, filter.limit).map((row) => ({
    id: row.id,
    score: row.score,
    comment: row.comment,
    userId: row.user_id,
    anonymousId: row.anonymous_id,
    createdAt: isoOf(row.created_at),
  }));
  const last = items.at(-1);
  return rows.length > filter.limit && last
    ? { items, nextCursor: encodeCursor({ at: last.createdAt, id: last.id }) }
    : { items };
}
