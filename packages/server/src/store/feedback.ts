import { randomUUID } from 'node:crypto';
import type {
  FeedbackContext,
  FeedbackItem,
  FeedbackStatus,
  InboxResponse,
  Reply,
  SurveyAnswerRef,
} from '@rapport/protocol';
import type { Kysely, Selectable } from 'kysely';
import { enqueueWebhookEvent } from '../webhooks/enqueue';
import { threadResolutions } from './resolution-ratings';
import { isoOf, jsonOf } from './rows';
import type { Database, FeedbackTable } from './schema';
import type { ThreadOwner } from './unread-replies';

/**
 * A feedback row as read: every column but the generated search vector, the customer's read
 * marker, which only the unread count reads (`unread-replies.ts`), the resolution time, which
 * only resolution CSAT reads (`resolution-ratings.ts`, `service-report.ts`), and the reply
 * email's state, which only the email job reads (`email/reply-claims.ts`).
 */
export type FeedbackRow = Omit<
  Selectable<FeedbackTable>,
  | 'search'
  | 'customer_read_at'
  | 'resolved_at'
  | 'reply_email_from'
  | 'reply_email_through'
  | 'reply_email_status'
  | 'reply_email_attempts'
  | 'reply_email_next_at'
>;

/** The feedback columns to read: never `search`, a tsvector no caller needs. */
export const FEEDBACK_COLUMNS = [
  'feedback.project_id',
  'feedback.id',
  'feedback.anonymous_id',
  'feedback.user_id',
  'feedback.message',
  'feedback.category',
  'feedback.email',
  'feedback.rating',
  'feedback.status',
  'feedback.context',
  'feedback.assignee_id',
  'feedback.created_at',
  'feedback.survey_id',
  'feedback.score',
] as const;

/** A reply row with the fields both the public inbox and the thread view read. */
export type ReplyRow = Pick<
  Selectable<Database['feedback_replies']>,
  'id' | 'feedback_id' | 'author' | 'author_user_id' | 'author_name' | 'body' | 'created_at'
>;

/** Reply rows of the given feedback items, oldest first, grouped by feedback id. */
export async function replyRowsOf(
  db: Kysely<Database>,
  projectId: string,
  feedbackIds: string[],
): Promise<Map<string, ReplyRow[]>> {
  const byFeedback = new Map<string, ReplyRow[]>();
  if (feedbackIds.length === 0) return byFeedback;
  const rows = await db
    .selectFrom('feedback_replies')
    .select(['id', 'feedback_id', 'author', 'author_user_id', 'author_name', 'body', 'created_at'])
    .where('project_id', '=', projectId)
    .where('feedback_id', 'in', feedbackIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byFeedback.get(row.feedback_id) ?? [];
    list.push(row);
    byFeedback.set(row.feedback_id, list);
  }
  return byFeedback;
}

/** A reply as the customer sees it: from "the team" or from themselves, never a note. */
export function publicReplyOf(row: ReplyRow): Reply {
  return { id: row.id, body: row.body, author: row.author, createdAt: isoOf(row.created_at) };
}

/** Replies of the given feedback items in their public shape, grouped by feedback id. */
async function repliesOf(db: Kysely<Database>, projectId: string, feedbackIds: string[]) {
  const rows = await replyRowsOf(db, projectId, feedbackIds);
  return new Map([...rows].map(([id, list]) => [id, list.map(publicReplyOf)]));
}

/** A feedback row and its replies as the admin API's item. */
export function toItem(row: FeedbackRow, replies: Reply[]): FeedbackItem {
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
    surveyAnswer: surveyAnswerOf(row),
    waitingOnTeam: isWaitingOnTeam(row.status as FeedbackStatus, replies),
  };
}

/** The survey answer that opened a detractor thread, or null for written feedback. */
function surveyAnswerOf(row: Pick<FeedbackRow, 'survey_id' | 'score'>): SurveyAnswerRef {
  if (row.survey_id === null || row.score === null) return null;
  return { surveyId: row.survey_id, score: Number(row.score) };
}

/**
 * "Waiting on the team", derived instead of stored: the customer wrote last (their message has
 * no reply yet, or their own answer is the newest) and the thread is not resolved. A customer
 * answer to a resolved thread reopens it (`in_progress`, see `store/ingest-threads.ts`).
 */
export function isWaitingOnTeam(status: FeedbackStatus, replies: Pick<Reply, 'author'>[]) {
  return status !== 'resolved' && (replies.at(-1)?.author ?? 'customer') === 'customer';
}

/** Feedback items of the given rows with their replies, in the rows' order. */
export async function itemsOf(
  db: Kysely<Database>,
  projectId: string,
  rows: FeedbackRow[],
): Promise<FeedbackItem[]> {
  const replies = await repliesOf(
    db,
    projectId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toItem(row, replies.get(row.id) ?? []));
}

/** One feedback row, or undefined. */
export function feedbackRow(
  db: Kysely<Database>,
  projectId: string,
  id: string,
): Promise<FeedbackRow | undefined> {
  return db
    .selectFrom('feedback')
    .select(FEEDBACK_COLUMNS)
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Who wrote a team reply: a teammate (id and name), or a secret key (neither). */
export interface ReplyAuthor {
  userId: string | null;
  name: string | null;
}

/**
 * Adds a reply to a feedback item; undefined when the item does not exist. With an explicit
 * `id` the call is idempotent (used by the demo seed). A new reply queues `feedback.replied`
 * in the same transaction (the caller's, or one of its own).
 */
export async function addReply(
  db: Kysely<Database>,
  projectId: string,
  reply: {
    feedbackId: string;
    body: string;
    author: Reply['author'];
    id?: string;
    signedBy?: ReplyAuthor;
  },
  now: Date,
): Promise<ReplyRow | undefined> {
  const exists = await db
    .selectFrom('feedback')
    .select('id')
    .where('project_id', '=', projectId)
    .where('id', '=', reply.feedbackId)
    .executeTakeFirst();
  if (!exists) return undefined;
  const row: ReplyRow = {
    id: reply.id ?? `rpl_${randomUUID()}`,
    feedback_id: reply.feedbackId,
    author: reply.author,
    author_user_id: reply.signedBy?.userId ?? null,
    author_name: reply.signedBy?.name ?? null,
    body: reply.body,
    created_at: now,
  };
  const store = async (trx: Kysely<Database>) => {
    const inserted = await trx
      .insertInto('feedback_replies')
      .values({ project_id: projectId, ...row })
      .onConflict((oc) => oc.columns(['project_id', 'id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return;
    const data = {
      projectId,
      feedbackId: row.feedback_id,
      replyId: row.id,
      author: row.author,
      body: row.body,
      createdAt: now.toISOString(),
    };
    await enqueueWebhookEvent(trx, projectId, 'feedback.replied', data, now);
  };
  await (db.isTransaction ? store(db) : db.transaction().execute(store));
  return row;
}

/**
 * `GET /v1/inbox`: the customer's own feedback threads, newest first, with the replies (the
 * team's and their own answers) — never the team's internal notes, which live in another
 * table this never reads. A user's threads, or a browser's anonymous ones (those not moved to
 * a user by a verified identify).
 */
export async function inboxOf(
  db: Kysely<Database>,
  projectId: string,
  owner: ThreadOwner,
): Promise<InboxResponse> {
  let query = db
    .selectFrom('feedback')
    .select([
      'id',
      'message',
      'category',
      'status',
      'created_at',
      'survey_id',
      'score',
      'resolved_at',
    ])
    .where('project_id', '=', projectId);
  query =
    'userId' in owner
      ? query.where('user_id', '=', owner.userId)
      : query.where('anonymous_id', '=', owner.anonymousId).where('user_id', 'is', null);
  const rows = await query.orderBy('created_at', 'desc').limit(50).execute();
  const [replies, resolutions] = await Promise.all([
    repliesOf(
      db,
      projectId,
      rows.map((row) => row.id),
    ),
    threadResolutions(db, projectId, rows),
  ]);
  return {
    threads: rows.map((row) => ({
      id: row.id,
      message: row.message,
      category: row.category as FeedbackItem['category'],
      status: row.status as FeedbackStatus,
      createdAt: isoOf(row.created_at),
      replies: replies.get(row.id) ?? [],
      surveyAnswer: surveyAnswerOf(row),
      ...(resolutions.has(row.id) && { resolution: resolutions.get(row.id) }),
    })),
  };
}
