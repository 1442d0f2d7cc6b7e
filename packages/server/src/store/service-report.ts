import {
  CSAT_SATISFIED_MIN,
  NPS_BAND_SCORES,
  type ServiceReport,
  type ServiceWeek,
} from '@rapport/protocol';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { nextBucket } from './buckets';
import { bucketOf } from './counted-answers';
import { isoOf, numberOf } from './rows';
import type { Database } from './schema';

const DAY_MS = 86_400_000;

/** The Monday 00:00 UTC that starts the week of `time`. */
export function weekStartOf(time: Date): Date {
  const midnight = Date.UTC(time.getUTCFullYear(), time.getUTCMonth(), time.getUTCDate());
  return new Date(midnight - ((time.getUTCDay() + 6) % 7) * DAY_MS);
}

/** The weeks a report covers: `weeks` of them, the last one holding `now`. */
export function reportWeeks(now: Date, weeks: number): { from: Date; to: Date } {
  const last = weekStartOf(now);
  return {
    from: new Date(last.getTime() - (weeks - 1) * 7 * DAY_MS),
    to: nextBucket(last, 'week'),
  };
}

type Row = { bucket: Date | string } & Record<string, unknown>;

/** Rows of one figure, by the ISO start of their week. */
async function byWeek(db: Kysely<Database>, query: RawBuilder<Row>): Promise<Map<string, Row>> {
  const { rows } = await query.execute(db);
  return new Map(rows.map((row) => [isoOf(row.bucket), row]));
}

/** Seconds from `start` to `end`, never negative (a browser's clock may have run ahead). */
function secondsBetween(start: string, end: string) {
  return sql`greatest(0, extract(epoch FROM ${sql.ref(end)} - ${sql.ref(start)}))`;
}

/** A median of seconds, or null without threads. */
function medianOf(value: unknown): number | null {
  return value === null || value === undefined ? null : Math.round(Number(value));
}

/**
 * The weekly service report (server README, "Service report"), UTC weeks from Monday, each
 * figure counted in the week its event happened:
 * - first reply: threads whose first team reply was written that week, median seconds from
 *   the message to that reply;
 * - resolution: threads resolved that week (their latest resolution) and still resolved,
 *   median seconds from the message to the resolution;
 * - CSAT: "Did we solve this?" scores given that week (dismissals left out): count, mean,
 *   answers of 4–5 and their share;
 * - detractors: NPS detractor answers (0–6) whose same person's next NPS answer in the project
 *   came that week, and those whose next answer was 7 or more (recovered). A person is the
 *   verified user, else the browser.
 * Medians are PostgreSQL's `percentile_cont(0.5)`: the mean of the two middle values when the
 * count is even.
 */
export async function serviceReport(
  db: Kysely<Database>,
  projectId: string,
  range: { from: Date; to: Date },
): Promise<ServiceReport> {
  const from = range.from.toISOString();
  const to = range.to.toISOString();
  const [firstReplies, resolutions, ratings, detractors] = await Promise.all([
    byWeek(
      db,
      sql<Row>`
      SELECT ${bucketOf('first_at', 'week')} AS bucket, count(*) AS count,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${secondsBetween('created_at', 'first_at')})
          AS median
      FROM (
        SELECT f.created_at, min(r.created_at) AS first_at
        FROM feedback f
        JOIN feedback_replies r ON r.project_id = f.project_id AND r.feedback_id = f.id
          AND r.author = 'team'
        WHERE f.project_id = ${projectId}
        GROUP BY f.id, f.created_at
      ) t
      WHERE first_at >= ${from} AND first_at < ${to}
      GROUP BY 1`,
    ),
    byWeek(
      db,
      sql<Row>`
      SELECT ${bucketOf('resolved_at', 'week')} AS bucket, count(*) AS count,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${secondsBetween('created_at', 'resolved_at')})
          AS median
      FROM feedback
      WHERE project_id = ${projectId} AND status = 'resolved'
        AND resolved_at >= ${from} AND resolved_at < ${to}
      GROUP BY 1`,
    ),
    byWeek(
      db,
      sql<Row>`
      SELECT ${bucketOf('created_at', 'week')} AS bucket, count(*) AS count,
        avg(score) AS average,
        count(*) FILTER (WHERE score >= ${sql.lit(CSAT_SATISFIED_MIN)}) AS satisfied
      FROM resolution_ratings
      WHERE project_id = ${projectId} AND score IS NOT NULL
        AND created_at >= ${from} AND created_at < ${to}
      GROUP BY 1`,
    ),
    byWeek(
      db,
      sql<Row>`
      SELECT ${bucketOf('next_at', 'week')} AS bucket, count(*) AS followed_up,
        count(*) FILTER (WHERE next_score >= ${sql.lit(NPS_BAND_SCORES.passive[0])}) AS recovered
      FROM (
        SELECT r.score, lead(r.score) OVER person AS next_score,
          lead(r.created_at) OVER person AS next_at
        FROM survey_responses r
        JOIN surveys s ON s.project_id = r.project_id AND s.id = r.survey_id AND s.type = 'nps'
        WHERE r.project_id = ${projectId} AND r.score IS NOT NULL AND r.created_at < ${to}
        WINDOW person AS (
          PARTITION BY coalesce('u:' || r.user_id, 'a:' || r.anonymous_id)
          ORDER BY r.created_at, r.id)
      ) answers
      WHERE score <= ${sql.lit(NPS_BAND_SCORES.detractor[1])}
        AND next_at >= ${from} AND next_at < ${to}
      GROUP BY 1`,
    ),
  ]);
  const weeks: ServiceWeek[] = [];
  for (let at = range.from; at < range.to; at = nextBucket(at, 'week')) {
    const start = at.toISOString();
    weeks.push(weekOf(start, [firstReplies, resolutions, ratings, detractors]));
  }
  return { timezone: 'UTC', weeks };
}

/** One week's figures from the rows of each query (a week without rows is all zeros). */
function weekOf(start: string, figures: Map<string, Row>[]): ServiceWeek {
  const [first, resolved, rated, recovered] = figures.map((rows) => rows.get(start));
  const responses = numberOf(rated?.count);
  const satisfied = numberOf(rated?.satisfied);
  return {
    start,
    firstReply: { count: numberOf(first?.count), medianSeconds: medianOf(first?.median) },
    resolution: { count: numberOf(resolved?.count), medianSeconds: medianOf(resolved?.median) },
    csat: {
      responses,
      average: responses ? Math.round(Number(rated?.average) * 100) / 100 : null,
      satisfied,
      satisfiedPercent: responses ? Math.round((satisfied / responses) * 100) : null,
    },
    detractors: {
      followedUp: numberOf(recovered?.followed_up),
      recovered: numberOf(recovered?.recovered),
    },
  };
}
