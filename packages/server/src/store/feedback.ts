import { randomUUID } from 'node:crypto';
import type {
  FeedbackContext,
  FeedbackItem,
  FeedbackStatus,
  InboxResponse,
  Page,
  Reply,
} from '@rapport/protocol';
import type { Kysely, Selectable } from 'kysely';
import { type CursorPosition, encodeCursor } from '../cursor';
import { isoOf, jsonOf } from './rows';
import type { Database, FeedbackTable } from './schema';

type FeedbackRow = Selectable<FeedbackTable>;

/** Replies of the given feedback items, oldest first, grouped by feedback id. */
async function repliesOf(
  db: Kysely<Database>,
  projectId: string,
  feedbackIds: string[],
): Promise<Map<string, Reply[]>> {
  const byFeedback = new Map<string, Reply[]>();
  if (feedbackIds.length === 0) return byFeedback;
  const rows = await db
    .selectFrom('feedback_replies')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('feedback_id', 'in', feedbackIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byFeedback.get(row.feedback_id) ?? [];
    list.push({ id: row.id, body: row.body, author: row.author, createdAt: isoOf(row.created_at) });
    byFeedback.set(row.feedback_id, list);
  }
  return byFeedback;
}

function toItem(row: FeedbackRow, replies: Reply[]): FeedbackItem {
  return {
    id: row.id,
    message: row.message,
    category: row.category as FeedbackItem['category'],
    email: row.email,
    rating: row.rating === null ? null : Number(row.rating),
    status: row.status as FeedbackStatus,
    context: jsonOf<FeedbackContext | null>(row.context),
    anonymousId: row.anonymous_id,
    userId: row.user_id,
    createdAt: isoOf(row.created_at),
    replies,
  };
}

/** One page of feedback, newest first, optionally of one status. */
export async function listFeedback(
  db: Kysely<Database>,
  projectId: string,
  options: { status?: FeedbackStatus; after?: CursorPosition; limit: number },
): Promise<Page<FeedbackItem>> {
  let query = db.selectFrom('feedback').selectAll().where('project_id', '=', projectId);
  if (options.status) query = query.where('status', '=', options.status);
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(after.at)),
        eb.and([eb('created_at', '=', new Date(after.at)), eb('id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit + 1)
    .execute();
  const pageRows = rows.slice(0, options.limit);
  const replies = await repliesOf(
    db,
    projectId,
    pageRows.map((row) => row.id),
  );
  const page: Page<FeedbackItem> = {
    items: pageRows.map((row) => toItem(row, replies.get(row.id) ?? [])),
  };
  const last = pageRows.at(-1);
  if (rows.length > options.limit && last) {
    page.nextCursor = encodeCursor({ at: isoOf(last.created_at), id: last.id });
  }
  return page;
}

/** One feedback item with its replies, or undefined. */
export async function getFeedback(db: Kysely<Database>, projectId: string, id: string) {
  const row = await db
    .selectFrom('feedback')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const replies = await repliesOf(db, projectId, [id]);
  return toItem(row, replies.get(id) ?? []);
}

/** Sets a feedback item's status; false when there is no such item. */
export async function setFeedbackStatus(
  db: Kysely<Database>,
  projectId: string,
  id: string,
  status: FeedbackStatus,
): Promise<boolean> {
  const result = await db
    .updateTable('feedback')
    .set({ status })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Adds a reply to a feedback item; undefined when the item does not exist. With an explicit
 * `id` the call is idempotent (used by the demo seed).
 */
export async function addReply(
  db: Kysely<Database>,
  projectId: string,
  reply: { feedbackId: string; body: string; author: Reply['author']; id?: string },
  now: Date,
): Promise<Reply | undefined> {
  const exists = await db
    .selectFrom('feedback')
    .select('id')
    .where('project_id', '=', projectId)
    .where('id', '=', reply.feedbackId)
    .executeTakeFirst();
  if (!exists) return undefined;
  const id = reply.id ?? `rpl_${randomUUID()}`;
  await db
    .insertInto('feedback_replies')
    .values({
      project_id: projectId,
      id,
      feedback_id: reply.feedbackId,
      author: reply.author,
      body: reply.body,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['project_id', 'id']).doNothing())
    .execute();
  return { id, body: reply.body, author: reply.author, createdAt: now.toISOString() };
}

/** `GET /v1/inbox`: the customer's own feedback threads, newest first, with replies. */
export async function inboxOf(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<InboxResponse> {
  const rows = await db
    .selectFrom('feedback')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
  const replies = await repliesOf(
    db,
    projectId,
    rows.map((row) => row.id),
  );
  return {
    threads: rows.map((row) => ({
      id: row.id,
      message: row.message,
      category: row.category as FeedbackItem['category'],
      status: row.status as FeedbackStatus,
      createdAt: isoOf(row.created_at),
      replies: replies.get(row.id) ?? [],
    })),
  };
}
