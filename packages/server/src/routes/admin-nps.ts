import { type NpsSummary, npsQuerySchema } from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { InvalidQueryError } from '../errors';
import { parseQuery } from '../parse-input';
import { type NpsFilter, npsSummary } from '../store/nps';

/** `GET /v1/admin/nps?surveyId&from&to&interval=week`. */
export function adminNpsRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/nps', async (c) => {
    const query = parseQuery(c, npsQuerySchema);
    const filter: NpsFilter = { interval: query.interval };
    if (query.surveyId) filter.surveyId = query.surveyId;
    if (query.from) filter.from = new Date(query.from);
    if (query.to) filter.to = new Date(query.to);
    if (filter.from && filter.to && filter.from > filter.to) {
      throw new InvalidQueryError('from must not be after to.');
    }
    const summary: NpsSummary = await npsSummary(deps.store.db, c.get('project').id, filter);
    return c.json(summary);
  });
}
