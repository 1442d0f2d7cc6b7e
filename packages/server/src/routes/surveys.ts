import {
  type EligibleSurveysResponse,
  eligibleSurveysQuerySchema,
} from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { NotFoundError } from '../errors';
import { parseQuery } from '../parse-input';
import { lastContacts, personOf, seenEvents } from '../store/survey-history';
import { getSurvey, listSurveys } from '../store/surveys';
import { eligibleSurveys, toEligible } from '../survey-eligibility';

/**
 * `GET /v1/surveys/eligible?anonymousId&userId&url`: decided on the server, per person.
 * `GET /v1/surveys/:id`: one running survey, for the site that shows it on demand
 * (`rapport('open', 'survey', id)`), whatever its targeting says.
 */
export function surveyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .get('/surveys/eligible', async (c) => {
      const project = c.get('project');
      const query = parseQuery(c, eligibleSurveysQuerySchema);
      const surveys = await listSurveys(db, project.id, true);
      const response: EligibleSurveysResponse = { surveys: [] };
      if (surveys.length === 0) return c.json(response);
      const person = await personOf(db, project.id, query.anonymousId, query.userId);
      const events = surveys.flatMap((s) => (s.targeting?.event ? [s.targeting.event] : []));
      const [lastContact, seen] = await Promise.all([
        lastContacts(db, project.id, person),
        seenEvents(db, project.id, person, [...new Set(events)]),
      ]);
      response.surveys = eligibleSurveys(surveys, {
        personKey: query.userId ?? query.anonymousId,
        url: query.url,
        lastContact,
        seenEvents: seen,
        now: deps.clock().getTime(),
        globalWaitDays: project.settings.surveyGlobalWaitDays,
      });
      return c.json(response);
    })
    .get('/surveys/:id', async (c) => {
      const id = c.req.param('id');
      const survey = await getSurvey(db, c.get('project').id, id);
      // A paused survey is not shown, on demand or not: the same answer as an unknown id.
      if (!survey?.active) throw new NotFoundError(`No running survey with id ${id}.`);
      return c.json(toEligible(survey));
    });
}
