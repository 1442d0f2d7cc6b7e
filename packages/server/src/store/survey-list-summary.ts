import type { Survey, SurveyListItem, SurveyType } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { PERSON_OF_ANSWER } from './counted-answers';
import { numberOf } from './rows';
import type { Database } from './schema';
import { addToDistribution, emptyDistribution, summarize } from './score-summary';

type ListSummary = SurveyListItem['summary'];

/** The list's figures of a distribution: the count and the NPS or the CSAT average. */
function listSummaryOf(type: SurveyType, distribution: number[]): ListSummary {
  const summary = summarize(type, distribution);
  return type === 'nps'
    ? { responses: summary.responses, nps: summary.nps?.score ?? null }
    : { responses: summary.responses, average: summary.csat?.average ?? null };
}

/**
 * Each survey with its all-time figures under the counting rule (each person's latest answer
 * of each survey), from one query over the project's answers: the console's list needs one
 * request, not one per survey.
 */
export async function withListSummaries(
  db: Kysely<Database>,
  projectId: string,
  surveys: Survey[],
): Promise<SurveyListItem[]> {
  const { rows } = await sql<{ survey_id: string; score: unknown; n: unknown }>`
    SELECT survey_id, score, count(*) AS n FROM (
      SELECT DISTINCT ON (r.survey_id, is_user, person) r.survey_id, ${PERSON_OF_ANSWER}, r.score
      FROM survey_responses r
      LEFT JOIN customers c ON c.project_id = r.project_id AND c.anonymous_id = r.anonymous_id
      WHERE r.project_id = ${projectId} AND r.score IS NOT NULL
      ORDER BY r.survey_id, is_user, person, r.created_at DESC, r.id DESC
    ) latest
    GROUP BY survey_id, score`.execute(db);
  const bySurvey = new Map<string, { score: number; n: number }[]>();
  for (const row of rows) {
    const list = bySurvey.get(row.survey_id) ?? [];
    list.push({ score: numberOf(row.score), n: numberOf(row.n) });
    bySurvey.set(row.survey_id, list);
  }
  return surveys.map((survey) => {
    const distribution = emptyDistribution(survey.type);
    for (const { score, n } of bySurvey.get(survey.id) ?? []) {
      addToDistribution(distribution, survey.type, score, n);
    }
    return { ...survey, summary: listSummaryOf(survey.type, distribution) };
  });
}
