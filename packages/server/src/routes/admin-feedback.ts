import {
  type InboxQuery,
  inboxPatchSchema,
  inboxQuerySchema,
  noteInputSchema,
  replyInputSchema,
  tagsInputSchema,
} from '@rapport/protocol/schemas';
import { type Context, Hono } from 'hono';
import type { Actor, AppDeps, AppEnv } from '../app-env';
import { decodeCursor } from '../cursor';
import { InvalidBodyError, InvalidQueryError, NotFoundError } from '../errors';
import { requireRole } from '../middleware/require-role';
import { parseBody, parseQuery } from '../parse-input';
import { recordAudit } from '../store/audit-log';
import { addReply } from '../store/feedback';
import {
  addNote,
  feedbackThread,
  inboxItem,
  isTeammate,
  setTags,
  threadReplyOf,
  updateFeedback,
} from '../store/feedback-thread';
import { type InboxFilter, listInbox } from '../store/inbox-list';

function missing(id: string) {
  return new NotFoundError(`No feedback with id ${id.slice(0, 128)}.`);
}

const DAY_MS = 86_400_000;

/** A `from`/`to` value as a time: a date is its UTC midnight, or the next one for an end. */
function timeOf(value: string, end: boolean): Date {
  if (value.length > 10) return new Date(value);
  const midnight = new Date(`${value}T00:00:00.000Z`);
  return end ? new Date(midnight.getTime() + DAY_MS) : midnight;
}

/** The teammate a request acts as: their id and name, or neither for a secret key. */
function signatureOf(actor: Actor): { userId: string | null; name: string | null } {
  return actor.kind === 'teammate'
    ? { userId: actor.userId, name: actor.name }
    : { userId: null, name: null };
}

/** The inbox filter of a parsed query (`assignee=me` is the signed-in teammate). */
function filterOf(c: Context<AppEnv>, query: InboxQuery): InboxFilter {
  const filter: InboxFilter = {};
  if (query.status) filter.status = query.status;
  if (query.category) filter.category = query.category;
  if (query.hasEmail) filter.hasEmail = query.hasEmail === 'true';
  if (query.from) filter.from = timeOf(query.from, false);
  if (query.to) filter.to = timeOf(query.to, true);
  if (query.q) filter.q = query.q;
  if (query.tag) filter.tag = query.tag.toLowerCase();
  if (query.assignee === 'none') filter.assignee = null;
  else if (query.assignee === 'me') {
    const actor = c.get('actor');
    if (actor?.kind !== 'teammate') {
      throw new InvalidQueryError('assignee=me needs a signed-in teammate, not a secret key.');
    }
    filter.assignee = actor.userId;
  } else if (query.assignee) filter.assignee = query.assignee;
  return filter;
}

/**
 * The team's feedback inbox: list with filters, search and counts; one thread; status and
 * assignee; replies signed by the teammate; internal notes; tags. Any role may do all of it.
 */
export function adminFeedbackRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .get('/feedback', async (c) => {
      requireRole(c, 'member');
      const query = parseQuery(c, inboxQuerySchema);
      const page = await listInbox(db, c.get('project').id, filterOf(c, query), {
        ...(query.cursor && { after: decodeCursor(query.cursor) }),
        limit: query.limit,
      });
      return c.json(page);
    })
    .get('/feedback/:id', async (c) => {
      requireRole(c, 'member');
      const id = c.req.param('id');
      const thread = await feedbackThread(db, c.get('project').id, id);
      if (!thread) throw missing(id);
      return c.json(thread);
    })
    .patch('/feedback/:id', async (c) => {
      const actor = requireRole(c, 'member');
      const patch = await parseBody(c, inboxPatchSchema);
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      if (patch.assigneeId && !(await isTeammate(db, projectId, patch.assigneeId))) {
        throw new InvalidBodyError('assigneeId: not a teammate of this project.');
      }
      const found = await db.transaction().execute(async (trx) => {
        const now = deps.clock();
        const change = await updateFeedback(trx, projectId, id, patch, now);
        if (!change) return false;
        if (change.status) {
          const details = { from: change.status.from, to: change.status.to };
          await recordAudit(
            trx,
            { projectId, actor, action: 'feedback_status_changed', target: id, details },
            now,
          );
        }
        if (change.assignee) {
          const details = { from: change.assignee.from, to: change.assignee.to };
          await recordAudit(
            trx,
            { projectId, actor, action: 'feedback_assigned', target: id, details },
            now,
          );
        }
        return true;
      });
      if (!found) throw missing(id);
      return c.json(await inboxItem(db, projectId, id));
    })
    .post('/feedback/:id/replies', async (c) => {
      const actor = requireRole(c, 'member');
      const { body } = await parseBody(c, replyInputSchema);
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      const now = deps.clock();
      const reply = await db.transaction().execute(async (trx) => {
        const row = await addReply(
          trx,
          projectId,
          { feedbackId: id, body, author: 'team', signedBy: signatureOf(actor) },
          now,
        );
        // The audit row names the thread and the reply, never the text sent to the customer.
        if (row) {
          const details = { replyId: row.id };
          await recordAudit(
            trx,
            { projectId, actor, action: 'feedback_replied', target: id, details },
            now,
          );
        }
        return row;
      });
      if (!reply) throw missing(id);
      return c.json(threadReplyOf(reply), 201);
    })
    .post('/feedback/:id/notes', async (c) => {
      const actor = requireRole(c, 'member');
      const { body } = await parseBody(c, noteInputSchema);
      const id = c.req.param('id');
      const note = await addNote(
        db,
        c.get('project').id,
        { feedbackId: id, body, ...signatureOf(actor) },
        deps.clock(),
      );
      if (!note) throw missing(id);
      return c.json(note, 201);
    })
    .put('/feedback/:id/tags', async (c) => {
      requireRole(c, 'member');
      const { tags } = await parseBody(c, tagsInputSchema);
      const id = c.req.param('id');
      const stored = await setTags(db, c.get('project').id, id, tags);
      if (!stored) throw missing(id);
      return c.json({ tags: stored });
    });
}
