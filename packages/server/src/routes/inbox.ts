import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireIdentity } from '../require-identity';
import { inboxOf } from '../store/feedback';

/** `GET /v1/inbox`: the customer's feedback threads and the team's replies (userHash required). */
export function inboxRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/v1/inbox', async (c) => {
    const project = c.get('project');
    const userId = requireIdentity(project, c.req.query('userId'), c.req.query('userHash'));
    return c.json(await inboxOf(deps.store.db, project.id, userId));
  });
}
