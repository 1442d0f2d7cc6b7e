import { NPS_BAND_SCORES, type NpsSummary } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { type BucketUnit, withEmptyBuckets } from './buckets';
import { isoOf, numberOf } from './rows';
import type { Database } from './schema';

/**
 * NPS = % promoters (9–10) − % detractors (0–6), rounded half away from zero so mirrored
 * results get mirrored scores (Math.round alone takes −12.5 to −12 but 12.5 to 13); null with
 * no responses. Multiplying before dividing keeps halves exact (7/40 × 100 is 17.4999…).
 *
 * @example
 * npsScore(1, 2, 3) // -33
 */
export function npsScore(promoters: number, detractors: number, responses: number): number | null {
  if (responses === 0) return null;
  const percent = (100 * (promoters - detractors)) / responses;
  return Math.sign(percent) * Math.round(Math.abs(percent)) || 0;
}

/** Filters for {@link npsSummary}. */
export interface NpsFilter {
  surveyId?: string;
  from?: Date;
  to?: Date;
  interval: BucketUnit;
}

/**
 * The NPS of a project's NPS surveys (or one survey) over a time range, with a trend per
 * interval (UTC buckets; weeks start on Monday; quiet buckets between the first and the last
 * response included with `responses: 0`). Computed by the database on every call —
 * derived, never stored.
 */
export async function npsSummary(
  db: Kysely<Database>,
  projectId: string,
  filter: NpsFilter,
): Promise<NpsSummary> {
  const conditions = [
    sql`r.project_id = ${projectId}`,
    sql`s.type = 'nps'`,
    sql`r.score IS NOT NULL`,
  ];
  if (filter.surveyId) conditions.push(sql`r.survey_id = ${filter.surveyId}`);
  if (filter.from) conditions.push(sql`r.created_at >= ${filter.from.toISOString()}`);
  if (filter.to) conditions.push(sql`r.created_at < ${filter.to.toISOString()}`);
  const unit = sql.lit(filter.interval);
  const { rows } = await sql<{
    bucket: Date | string;
    responses: unknown;
    promoters: unknown;
    detractors: unknown;
  }>`
    SELECT date_trunc(${unit}, r.created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket,
           count(*) AS responses,
           count(*) FILTER (WHERE r.score >= ${sql.lit(NPS_BAND_SCORES.promoter[0])}) AS promoters,
           count(*) FILTER (WHERE r.score <= ${sql.lit(NPS_BAND_SCORES.detractor[1])}) AS detractors
    FROM survey_responses r
    JOIN surveys s ON s.project_id = r.project_id AND s.id = r.survey_id
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY 1 ORDER BY 1`.execute(db);
  let responses = 0;
  let promoters = 0;
  let detractors = 0;
  const trend = rows.map((row) => {
    const count = numberOf(row.responses);
    const up = numberOf(row.promoters);
    const down = numberOf(row.detractors);
    responses += count;
    promoters += up;
    detractors += down;
    return { start: isoOf(row.bucket), nps: npsScore(up, down, count), responses: count };
  });
  return {
    nps: npsScore(promoters, detractors, responses),
    responses,
    promoters,
    passives: responses - promoters - detractors,
    detractors,
    trend: withEmptyBuckets(trend, filter.interval, (start) => ({
      start,
      nps: null,
      responses: 0,
    })),
  };
}
