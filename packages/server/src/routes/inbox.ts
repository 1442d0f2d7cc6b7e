import { DEVICE_SECRET_HEADER } from '@rapport/protocol';
import { markReadInputSchema } from '@rapport/protocol/schemas';
import { type Context, Hono } from 'hono';
import { etag } from 'hono/etag';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../app-env';
import { parseBody } from '../parse-input';
import { requireIdentity } from '../require-identity';
import { inboxOf } from '../store/feedback';
import { markThreadsRead, type ThreadOwner, unreadReplies } from '../store/unread-replies';
import { requireDeviceSecret } from '../thread-access';

/** The proof is checked by `requireIdentity` or `requireDeviceSecret` (401), not the schema. */
const markReadBodySchema = markReadInputSchema.extend({
  userId: z.unknown().optional(),
  userHash: z.unknown().optional(),
  anonymousId: z.unknown().optional(),
});

/**
 * Whose threads a request may read, proven, never claimed: a user's with `userId` and a valid
 * `userHash`, or a browser's with `anonymousId` and its device secret in the header. 401 without.
 */
async function provenOwner(
  deps: AppDeps,
  c: Context<AppEnv>,
  claim: { userId?: unknown; userHash?: unknown; anonymousId?: unknown },
): Promise<ThreadOwner> {
  const project = c.get('project');
  if (claim.userId !== undefined) {
    return { userId: requireIdentity(project, claim.userId, claim.userHash) };
  }
  const secret = c.req.header(DEVICE_SECRET_HEADER);
  const anonymousId = await requireDeviceSecret(
    deps.store.db,
    project.id,
    claim.anonymousId,
    secret,
  );
  return { anonymousId };
}

/**
 * The customer's inbox, each read behind the same proof (see {@link provenOwner}):
 * - `GET /v1/inbox`: the feedback threads with the team's replies and their own answers;
 * - `GET /v1/inbox/unread`: `{ unread }`, the team's replies not read yet, with an ETag so the
 *   launcher's check on every load and every return to the tab is answered `304` with no body
 *   when nothing changed (issue 14, item 3);
 * - `POST /v1/inbox/read` `{ through }`: the customer was shown the replies up to `through`;
 *   answers the new `{ unread }`.
 */
export function inboxRoutes(deps: AppDeps): Hono<AppEnv> {
  const db = deps.store.db;
  const query = (c: Context<AppEnv>) => ({
    userId: c.req.query('userId'),
    userHash: c.req.query('userHash'),
    anonymousId: c.req.query('anonymousId'),
  });
  return new Hono<AppEnv>()
    .get('/inbox', async (c) => {
      const owner = await provenOwner(deps, c, query(c));
      return c.json(await inboxOf(db, c.get('project').id, owner));
    })
    .get('/inbox/unread', etag(), async (c) => {
      const owner = await provenOwner(deps, c, query(c));
      // Each browser revalidates its own copy; no shared cache may keep a customer's count.
      c.header('Cache-Control', 'private, no-cache');
      return c.json({ unread: await unreadReplies(db, c.get('project').id, owner) });
    })
    .post('/inbox/read', async (c) => {
      const body = await parseBody(c, markReadBodySchema);
      const owner = await provenOwner(deps, c, body);
      const projectId = c.get('project').id;
      await markThreadsRead(db, projectId, owner, new Date(body.through), deps.clock());
      return c.json({ unread: await unreadReplies(db, projectId, owner) });
    });
}
