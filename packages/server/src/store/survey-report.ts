import {
  type Breakdown,
  MAX_BREAKDOWN_ROWS,
  type PeriodReport,
  type ResponseRate,
  type ScoreSummary,
  type SeriesPoint,
  SURVEY_DISMISSED_EVENT,
  type SurveyType,
} from '@rapport/protocol';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { withEmptyBuckets } from './buckets';
import { type AnswerScope, countedAnswers, type TimeRange } from './counted-answers';
import { isoOf, numberOf } from './rows';
import type { Database } from './schema';
import { addToDistribution, answeredPercent, emptyDistribution, summarize } from './score-summary';

/** What a breakdown groups people by: a trait of identified customers, the tier, the page. */
export type BreakdownBy = { kind: 'trait'; name: string } | { kind: 'tier' } | { kind: 'page' };

/** `trait:plan`, `tier` or `page` as a {@link BreakdownBy}. */
export function parseBreakdown(value: string): BreakdownBy {
  if (value === 'tier' || value === 'page') return { kind: value };
  return { kind: 'trait', name: value.slice('trait:'.length) };
}

function nameOf(by: BreakdownBy): string {
  return by.kind === 'trait' ? `trait:${by.name}` : by.kind;
}

/** Sums (key, score, count) rows into one distribution per key, in first-seen key order. */
function distributionsBy<K>(
  type: SurveyType,
  rows: { key: K; score: unknown; n: unknown }[],
): Map<K, number[]> {
  const byKey = new Map<K, number[]>();
  for (const row of rows) {
    const distribution = byKey.get(row.key) ?? emptyDistribution(type);
    byKey.set(row.key, distribution);
    addToDistribution(distribution, type, numberOf(row.score), numberOf(row.n));
  }
  return byKey;
}

function eventRange(range: TimeRange) {
  const conditions = [];
  if (range.from) conditions.push(sql`e.occurred_at >= ${range.from.toISOString()}`);
  if (range.to) conditions.push(sql`e.occurred_at < ${range.to.toISOString()}`);
  return conditions.length ? sql` AND ${sql.join(conditions, sql` AND `)}` : sql``;
}

/**
 * The people who dismissed the survey in the period (the SDK's `$survey_dismissed` track
 * events, by the same person rule as answers), as a CTE.
 */
function dismissals(scope: AnswerScope) {
  return sql`
    SELECT DISTINCT coalesce(e.user_id, c.user_id) IS NOT NULL AS is_user,
      coalesce(e.user_id, c.user_id, e.anonymous_id) COLLATE "C" AS person
    FROM events e
    LEFT JOIN customers c ON c.project_id = e.project_id AND c.anonymous_id = e.anonymous_id
    WHERE e.project_id = ${scope.projectId} AND e.type = 'track'
      AND e.name = ${SURVEY_DISMISSED_EVENT} AND e.properties->>'surveyId' = ${scope.surveyId}
      ${eventRange(scope.range)}`;
}

/**
 * The period's summary (each person's latest answer of the period), its series (each
 * person's latest answer of each bucket) and its response rate, from one pass over the
 * answers. Someone who dismissed and also answered in the period counts as answered only.
 * Nothing records a show yet, so `shown` is null (server README, "Survey reports").
 */
async function summarySeriesAndRate(
  db: Kysely<Database>,
  scope: AnswerScope,
  unit: 'week' | 'month',
): Promise<{ summary: ScoreSummary; series: SeriesPoint[]; rate: ResponseRate }> {
  const { rows } = await sql<{
    bucket: Date | string | null;
    score: unknown;
    overall: unknown;
    n: unknown;
    dismissed: unknown;
  }>`
    WITH counted AS MATERIALIZED (${countedAnswers(scope, unit)}),
    -- One aggregate over answerers and dismissers, not an anti-join: the planner's row
    -- estimates for a date range made the anti-join a nested loop (10 s at 100,000 answers).
    dismissed AS (
      SELECT count(*) FILTER (WHERE dismissed AND NOT answered) AS dismissed FROM (
        SELECT bool_or(answered) AS answered, bool_or(NOT answered) AS dismissed FROM (
          SELECT is_user, person, true AS answered FROM counted WHERE latest
          UNION ALL
          SELECT is_user, person, false FROM (${dismissals(scope)}) d
        ) people GROUP BY is_user, person
      ) reactions
    ),
    grouped AS (
      SELECT bucket, score, count(*) FILTER (WHERE latest) AS overall,
        count(*) FILTER (WHERE latest_in_bucket) AS n
      FROM counted GROUP BY bucket, score
    )
    -- The right join keeps the dismissal count when there is no answer at all.
    SELECT g.bucket, g.score, g.overall, g.n, dismissed.dismissed
    FROM grouped g RIGHT JOIN dismissed ON true
    ORDER BY g.bucket`.execute(db);
  const answered = rows.filter((row) => row.bucket !== null);
  const overall = emptyDistribution(scope.type);
  for (const row of answered) {
    addToDistribution(overall, scope.type, numberOf(row.score), numberOf(row.overall));
  }
  const buckets = distributionsBy(
    scope.type,
    answered.map((row) => ({
      key: isoOf(row.bucket as Date | string),
      score: row.score,
      n: row.n,
    })),
  );
  const series = [...buckets].map(([start, distribution]) => ({
    start,
    ...summarize(scope.type, distribution),
  }));
  const summary = summarize(scope.type, overall);
  const dismissed = numberOf(rows[0]?.dismissed);
  return {
    summary,
    series: withEmptyBuckets(series, unit, (start) => ({
      start,
      ...summarize(scope.type, emptyDistribution(scope.type)),
    })),
    rate: {
      shown: null,
      answered: summary.responses,
      dismissed,
      answeredPercent: answeredPercent(summary.responses, dismissed),
    },
  };
}

/**
 * The value of a breakdown for each counted answer (`a`: person, is_user, anonymous_id,
 * created_at). Traits and tiers are identified users' only: an anonymous visitor's traits are
 * whatever their browser claimed, so their answers fall in the row without a value.
 */
function breakdownValue(
  scope: AnswerScope,
  by: BreakdownBy,
): { joins: RawBuilder<unknown>; value: RawBuilder<unknown> } {
  const project = scope.projectId;
  if (by.kind === 'trait') {
    return {
      joins: sql`LEFT JOIN (
          SELECT DISTINCT ON (user_id) user_id, traits->>${by.name} AS value FROM customers
          WHERE project_id = ${project} AND user_id IS NOT NULL AND traits ? ${by.name}
          ORDER BY user_id, last_seen_at DESC
        ) t ON a.is_user AND t.user_id = a.person`,
      value: sql`t.value`,
    };
  }
  if (by.kind === 'tier') {
    return {
      joins: sql`LEFT JOIN loyalty_members m
          ON a.is_user AND m.project_id = ${project} AND m.user_id = a.person
        LEFT JOIN LATERAL (
          SELECT name FROM loyalty_tiers lt
          WHERE lt.project_id = ${project} AND lt.threshold <= m.lifetime_points
          ORDER BY lt.threshold DESC LIMIT 1
        ) t ON true`,
      value: sql`t.name`,
    };
  }
  // The answer carries no URL (the survey_response message has none), so the page is the last
  // one the same browser reported before answering, path only.
  return {
    joins: sql`LEFT JOIN LATERAL (
        SELECT e.name AS url FROM events e
        WHERE e.project_id = ${project} AND e.anonymous_id = a.anonymous_id
          AND e.type = 'page' AND e.occurred_at <= a.created_at
        ORDER BY e.occurred_at DESC LIMIT 1
      ) p ON true`,
    value: sql`coalesce(nullif(substring(p.url from '^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*([^?#]*)'), ''), CASE WHEN p.url IS NULL THEN NULL ELSE '/' END)`,
  };
}

/**
 * The summary of each value of `by` over the period's counted answers: the values with the
 * most answers first (at most {@link MAX_BREAKDOWN_ROWS}), the row without a value last.
 */
async function breakdownOf(
  db: Kysely<Database>,
  scope: AnswerScope,
  by: BreakdownBy,
): Promise<Breakdown> {
  const { joins, value } = breakdownValue(scope, by);
  const { rows } = await sql<{ value: string | null; score: unknown; n: unknown }>`
    WITH valued AS (
      SELECT ${value} AS value, a.score FROM (${countedAnswers(scope, 'week')}) a ${joins}
      WHERE a.latest
    ),
    grouped AS (
      SELECT value, score, count(*) AS n, sum(count(*)) OVER (PARTITION BY value) AS total
      FROM valued GROUP BY value, score
    ),
    ranked AS (
      SELECT value, score, n, dense_rank() OVER (ORDER BY total DESC, value NULLS LAST) AS rank
      FROM grouped
    )
    SELECT value, score, n FROM ranked WHERE rank <= ${MAX_BREAKDOWN_ROWS}
    ORDER BY rank, score`.execute(db);
  const byValue = distributionsBy(
    scope.type,
    rows.map((row) => ({ key: row.value, score: row.score, n: row.n })),
  );
  return {
    by: nameOf(by),
    rows: [...byValue].map(([key, distribution]) => ({
      value: key,
      ...summarize(scope.type, distribution),
    })),
  };
}

/**
 * Memory for the report's sorts: each person's latest answer is found by sorting the
 * period's answers, and with the default 4 MB PostgreSQL sorts 100,000 of them on disk
 * (bench/survey-report.ts). Set for the report's own transaction only.
 */
const REPORT_WORK_MEM = '32MB';

/** The report of one period of one survey (server README, "Survey reports"). */
export async function periodReport(
  db: Kysely<Database>,
  scope: AnswerScope,
  unit: 'week' | 'month',
  by?: BreakdownBy,
): Promise<PeriodReport> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('work_mem', ${REPORT_WORK_MEM}, true)`.execute(trx);
    const { summary, series, rate } = await summarySeriesAndRate(trx, scope, unit);
    const report: PeriodReport = {
      from: scope.range.from?.toISOString() ?? null,
      to: scope.range.to?.toISOString() ?? null,
      summary,
      series,
      rate,
    };
    if (by) report.breakdown = await breakdownOf(trx, scope, by);
    return report;
  });
}
