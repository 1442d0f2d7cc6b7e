import { randomUUID } from 'node:crypto';
import {
  type Page,
  type SurveyListItem,
  surveyInputSchema,
  surveyPatchSchema,
} from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { ApiError, NotFoundError } from '../errors';
import { parseBody, parsePatchBody } from '../parse-input';
import { withListSummaries } from '../store/survey-list-summary';
import { createSurvey, deleteSurvey, getSurvey, listSurveys, updateSurvey } from '../store/surveys';

function missing(id: string) {
  return new NotFoundError(`No survey with id ${id.slice(0, 128)}.`);
}

/**
 * Survey CRUD at `/v1/admin/surveys`. A project has a handful of surveys, so the list is one
 * page (`nextCursor` never set); each item carries its all-time `summary` (answers, NPS or
 * CSAT average), so a list needs one request.
 */
export function adminSurveyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .get('/surveys', async (c) => {
      const projectId = c.get('project').id;
      const surveys = await listSurveys(db, projectId);
      const page: Page<SurveyListItem> = { items: await withListSummaries(db, projectId, surveys) };
      return c.json(page);
    })
    .post('/surveys', async (c) => {
      const input = await parseBody(c, surveyInputSchema);
      const id = input.id ?? `srv_${randomUUID()}`;
      const survey = await createSurvey(db, c.get('project').id, id, input, deps.clock());
      if (!survey) throw new ApiError(409, 'conflict', `A survey with id ${id} already exists.`);
      return c.json(survey, 201);
    })
    .get('/surveys/:id', async (c) => {
      const survey = await getSurvey(db, c.get('project').id, c.req.param('id'));
      if (!survey) throw missing(c.req.param('id'));
      return c.json(survey);
    })
    .patch('/surveys/:id', async (c) => {
      const patch = await parsePatchBody(c, surveyPatchSchema);
      const id = c.req.param('id');
      const survey = await updateSurvey(db, c.get('project').id, id, patch, deps.clock());
      if (!survey) throw missing(id);
      return c.json(survey);
    })
    .delete('/surveys/:id', async (c) => {
      const id = c.req.param('id');
      if (!(await deleteSurvey(db, c.get('project').id, id))) throw missing(id);
      return c.body(null, 204);
    });
}
