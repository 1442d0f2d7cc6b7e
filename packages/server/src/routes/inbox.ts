import { DEVICE_SECRET_HEADER } from '@rapport/protocol';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { requireIdentity } from '../require-identity';
import { inboxOf } from '../store/feedback';
import { requireDeviceSecret } from '../thread-access';

/**
 * `GET /v1/inbox`: the customer's feedback threads with the team's replies and their own
 * answers — a user's with `userId` and a valid `userHash`, or an anonymous visitor's with
 * `anonymousId` and the browser's device secret in the `X-Rapport-Device-Secret` header.
 * 401 without the proof.
 */
export function inboxRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/inbox', async (c) => {
    const project = c.get('project');
    const db = deps.store.db;
    const userId = c.req.query('userId');
    if (userId !== undefined) {
      const proven = requireIdentity(project, userId, c.req.query('userHash'));
      return c.json(await inboxOf(db, project.id, { userId: proven }));
    }
    const secret = c.req.header(DEVICE_SECRET_HEADER);
    const anonymousId = await requireDeviceSecret(
      db,
      project.id,
      c.req.query('anonymousId'),
      secret,
    );
    return c.json(await inboxOf(db, project.id, { anonymousId }));
  });
}
