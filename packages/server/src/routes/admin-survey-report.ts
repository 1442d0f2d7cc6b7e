import {
  SURVEY_SCALES,
  type SurveyCommentsPage,
  type SurveyReport,
  surveyCommentsQuerySchema,
  surveyReportQuerySchema,
} from '@rapport/protocol/schemas';
import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { decodeCursor } from '../cursor';
import { InvalidQueryError, NotFoundError } from '../errors';
import { parseQuery } from '../parse-input';
import type { TimeRange } from '../store/counted-answers';
import { listSurveyComments } from '../store/survey-comments';
import { parseBreakdown, periodReport } from '../store/survey-report';
import { getSurvey } from '../store/surveys';

const DAY_MS = 86_400_000;

/** A `from`/`to` value as a time: a date is its UTC midnight, or the next one for an end. */
function timeOf(value: string, end: boolean): Date {
  if (value.length > 10) return new Date(value);
  const midnight = new Date(`${value}T00:00:00.000Z`);
  return end ? new Date(midnight.getTime() + DAY_MS) : midnight;
}

function rangeOf(from?: string, to?: string): TimeRange {
  const range: TimeRange = {};
  if (from) range.from = timeOf(from, false);
  if (to) range.to = timeOf(to, true);
  return range;
}

async function surveyOf(deps: AppDeps, c: Context<AppEnv>) {
  const id = c.req.param('id') ?? '';
  const survey = await getSurvey(deps.store.db, c.get('project').id, id);
  if (!survey) throw new NotFoundError(`No survey with id ${id.slice(0, 128)}.`);
  return survey;
}

/**
 * A survey's report and comments (server README, "Survey reports"):
 * `GET /v1/admin/surveys/:id/report?from&to&interval&compareFrom&compareTo&breakdown` and
 * `GET /v1/admin/surveys/:id/comments?band&score&q&from&to&cursor&limit`.
 */
export function adminSurveyReportRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .get('/surveys/:id/report', async (c) => {
      const query = parseQuery(c, surveyReportQuerySchema);
      const survey = await surveyOf(deps, c);
      const by = query.breakdown ? parseBreakdown(query.breakdown) : undefined;
      const scope = { projectId: c.get('project').id, surveyId: survey.id, type: survey.type };
      const compare =
        query.compareFrom && query.compareTo ? rangeOf(query.compareFrom, query.compareTo) : null;
      const [period, compared] = await Promise.all([
        periodReport(db, { ...scope, range: rangeOf(query.from, query.to) }, query.interval, by),
        compare ? periodReport(db, { ...scope, range: compare }, query.interval, by) : undefined,
      ]);
      const report: SurveyReport = {
        survey: { id: survey.id, name: survey.name, type: survey.type },
        interval: query.interval,
        period,
      };
      if (compared) report.compare = compared;
      return c.json(report);
    })
    .get('/surveys/:id/comments', async (c) => {
      const query = parseQuery(c, surveyCommentsQuerySchema);
      const survey = await surveyOf(deps, c);
      const { min, max } = SURVEY_SCALES[survey.type];
      if (query.band && survey.type !== 'nps') {
        throw new InvalidQueryError('band: only NPS surveys have bands; use score for CSAT.');
      }
      if (query.score !== undefined && (query.score < min || query.score > max)) {
        throw new InvalidQueryError(`score: this survey's scores are ${min}–${max}.`);
      }
      const page: SurveyCommentsPage = await listSurveyComments(
        db,
        c.get('project').id,
        survey.id,
        {
          range: rangeOf(query.from, query.to),
          limit: query.limit,
          ...(query.band && { band: query.band }),
          ...(query.score !== undefined && { score: query.score }),
          ...(query.q && { q: query.q }),
          ...(query.cursor && { cursor: decodeCursor(query.cursor) }),
        },
      );
      return c.json(page);
    });
}
