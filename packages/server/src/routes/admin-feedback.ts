import {
  type FeedbackItem,
  feedbackListQuerySchema,
  feedbackPatchSchema,
  replyInputSchema,
} from '@rapport/protocol';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { decodeCursor } from '../cursor';
import { NotFoundError } from '../errors';
import { parseBody, parseQuery } from '../request-input';
import { addReply, getFeedback, listFeedback, setFeedbackStatus } from '../store/feedback';

function missing(id: string) {
  return new NotFoundError(`No feedback with id ${id.slice(0, 128)}.`);
}

/** The feedback inbox for the team: list by status, change status, reply to the customer. */
export function adminFeedbackRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  const max = deps.limits.maxBodyBytes;
  return new Hono<AppEnv>()
    .get('/v1/admin/feedback', async (c) => {
      const query = parseQuery(c, feedbackListQuerySchema);
      const page = await listFeedback(db, c.get('project').id, {
        ...(query.status && { status: query.status }),
        ...(query.cursor && { after: decodeCursor(query.cursor) }),
        limit: query.limit,
      });
      return c.json(page);
    })
    .patch('/v1/admin/feedback/:id', async (c) => {
      const { status } = await parseBody(c, feedbackPatchSchema, max);
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      if (!(await setFeedbackStatus(db, projectId, id, status))) throw missing(id);
      const item: FeedbackItem | undefined = await getFeedback(db, projectId, id);
      return c.json(item);
    })
    .post('/v1/admin/feedback/:id/replies', async (c) => {
      const { body } = await parseBody(c, replyInputSchema, max);
      const id = c.req.param('id');
      const reply = await addReply(
        db,
        c.get('project').id,
        { feedbackId: id, body, author: 'team' },
        deps.clock(),
      );
      if (!reply) throw missing(id);
      return c.json(reply, 201);
    });
}
