import {
  type EligibleSurveysResponse,
  eligibleSurveysQuerySchema,
} from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { NotFoundError } from '../errors';
import { parseQuery } from '../parse-input';
import { provenUserId } from '../require-identity';
import { lastContacts, personOf, seenEvents } from '../store/survey-history';
import { getSurvey, listSurveys } from '../store/surveys';
import { verifiedTraitsOf } from '../store/user-traits';
import { eligibleSurveys, toEligible } from '../survey-eligibility';

/**
 * `GET /v1/surveys/eligible?anonymousId&userId&userHash&url`: decided on the server, per
 * person; trait rules only for a user proven by `userHash`.
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
      // Trait rules read only a user the request proves; a claimed id reads nothing.
      const proven = surveys.some((s) => s.targeting?.traits)
        ? provenUserId(project, query.userId, query.userHash)
        : undefined;
      const [lastContact, seen, verifiedTraits] = await Promise.all([
        lastContacts(db, project.id, person),
        seenEvents(db, project.id, person, [...new Set(events)]),
        proven === undefined ? undefined : verifiedTraitsOf(db, project.id, proven),
      ]);
      response.surveys = eligibleSurveys(surveys, {
        personKey: query.userId ?? query.anonymousId,
        url: query.url,
        lastContact,
        seenEvents: seen,
        now: deps.clock().getTime(),
        globalWaitDays: project.settings.surveyGlobalWaitDays,
        verifiedTraits,
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
