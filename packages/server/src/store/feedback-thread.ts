import { randomUUID } from 'node:crypto';
import type {
  Author,
  FeedbackStatus,
  FeedbackThread,
  InboxItem,
  ThreadPost,
} from '@rapport/protocol';
import type { Kysely } from 'kysely';
import { enqueueWebhookEvent } from '../webhooks/enqueue';
import { customerCard, personOfUser } from './customers-directory';
import { feedbackRow, type ReplyRow, replyRowsOf } from './feedback';
import { inboxItemsOf, tagsOf } from './inbox-list';
import { latestResolutionRating } from './resolution-ratings';
import { isoOf } from './rows';
import type { Database } from './schema';
import { timelinePage } from './timeline';

/** How a reply or note is signed when no teammate wrote it (a secret key). */
export const TEAM_NAME = 'the team';

/** How many timeline entries the thread view shows beside the message. */
const THREAD_TIMELINE_LENGTH = 20;

/** Who wrote a reply or a note, as the thread view names them. */
function authorOf(kind: Author['kind'], userId: string | null, name: string | null): Author {
  if (kind === 'customer') return { kind, userId: null, name: 'Customer' };
  return { kind, userId, name: name ?? TEAM_NAME };
}

/** A reply row in the thread view's shape. */
export function threadReplyOf(row: ReplyRow): ThreadPost {
  return {
    id: row.id,
    body: row.body,
    createdAt: isoOf(row.created_at),
    author: authorOf(row.author, row.author_user_id, row.author_name),
  };
}

/** One inbox item (with replies, tags and assignee), or undefined. */
export async function inboxItem(
  db: Kysely<Database>,
  projectId: string,
  id: string,
): Promise<InboxItem | undefined> {
  const row = await feedbackRow(db, projectId, id);
  if (!row) return undefined;
  return (await inboxItemsOf(db, projectId, [row]))[0];
}

async function notesOf(db: Kysely<Database>, projectId: string, feedbackId: string) {
  const rows = await db
    .selectFrom('feedback_notes')
    .select(['id', 'body', 'created_at', 'author_user_id', 'author_name'])
    .where('project_id', '=', projectId)
    .where('feedback_id', '=', feedbackId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(
    (row): ThreadPost => ({
      id: row.id,
      body: row.body,
      createdAt: isoOf(row.created_at),
      author: authorOf('team', row.author_user_id, row.author_name),
    }),
  );
}

/**
 * `GET /v1/admin/feedback/:id`: the item with its context, the replies and the internal
 * notes with their authors, tags, assignee, the customer's card and their latest timeline
 * entries (of the browser that sent it, when the sender was not identified).
 */
export async function feedbackThread(
  db: Kysely<Database>,
  projectId: string,
  id: string,
): Promise<FeedbackThread | undefined> {
  const row = await feedbackRow(db, projectId, id);
  if (!row) return undefined;
  const person = row.user_id
    ? await personOfUser(db, projectId, row.user_id)
    : { anonymousIds: [row.anonymous_id] };
  const [items, replies, notes, customer, timeline, resolutionRating] = await Promise.all([
    inboxItemsOf(db, projectId, [row]),
    replyRowsOf(db, projectId, [id]),
    notesOf(db, projectId, id),
    row.user_id ? customerCard(db, projectId, row.user_id) : null,
    timelinePage(db, projectId, person, { limit: THREAD_TIMELINE_LENGTH }),
    latestResolutionRating(db, projectId, id),
  ]);
  const item = items[0] as InboxItem;
  return {
    item,
    replies: (replies.get(id) ?? []).map(threadReplyOf),
    notes,
    tags: item.tags,
    assignee: item.assignee,
    customer,
    timeline: timeline.items,
    resolutionRating,
  };
}

/** What {@link updateFeedback} changed: the values before and after, for the audit log. */
export interface FeedbackChange {
  status?: { from: FeedbackStatus; to: FeedbackStatus };
  assignee?: { from: string | null; to: string | null };
}

/**
 * Sets the status and/or the assignee of an item, locking its row so two concurrent changes
 * report what each really changed; undefined when there is no such item. A status change
 * queues `feedback.status_changed`: call it inside the transaction of the change. Resolving
 * stamps `resolved_at`: a new resolution, which the customer is asked about once.
 */
export async function updateFeedback(
  db: Kysely<Database>,
  projectId: string,
  id: string,
  patch: { status?: FeedbackStatus; assigneeId?: string | null },
  now: Date,
): Promise<FeedbackChange | undefined> {
  const current = await db
    .selectFrom('feedback')
    .select(['status', 'assignee_id'])
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return undefined;
  const change: FeedbackChange = {};
  const status = current.status as FeedbackStatus;
  if (patch.status !== undefined && patch.status !== status) {
    change.status = { from: status, to: patch.status };
  }
  if (patch.assigneeId !== undefined && patch.assigneeId !== current.assignee_id) {
    change.assignee = { from: current.assignee_id, to: patch.assigneeId };
  }
  if (!change.status && !change.assignee) return change;
  await db
    .updateTable('feedback')
    .set({
      ...(change.status && { status: change.status.to }),
      ...(change.status?.to === 'resolved' && { resolved_at: now }),
      ...(change.assignee && { assignee_id: change.assignee.to }),
    })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .execute();
  if (change.status) {
    const data = { projectId, feedbackId: id, from: change.status.from, to: change.status.to };
    await enqueueWebhookEvent(db, projectId, 'feedback.status_changed', data, now);
  }
  return change;
}

/** True when the user is a teammate of the project (any role): who an item may go to. */
export async function isTeammate(db: Kysely<Database>, projectId: string, userId: string) {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Adds an internal note; undefined when there is no such item. */
export async function addNote(
  db: Kysely<Database>,
  projectId: string,
  note: { feedbackId: string; body: string; userId: string | null; name: string | null },
  now: Date,
): Promise<ThreadPost | undefined> {
  if (!(await feedbackRow(db, projectId, note.feedbackId))) return undefined;
  const id = `note_${randomUUID()}`;
  const name = note.name ?? TEAM_NAME;
  await db
    .insertInto('feedback_notes')
    .values({
      project_id: projectId,
      id,
      feedback_id: note.feedbackId,
      author_user_id: note.userId,
      author_name: name,
      body: note.body,
      created_at: now,
    })
    .execute();
  return {
    id,
    body: note.body,
    createdAt: now.toISOString(),
    author: authorOf('team', note.userId, name),
  };
}

/** Replaces an item's tags with `tags`; undefined when there is no such item. */
export async function setTags(
  db: Kysely<Database>,
  projectId: string,
  feedbackId: string,
  tags: string[],
): Promise<string[] | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('feedback')
      .select('id')
      .where('project_id', '=', projectId)
      .where('id', '=', feedbackId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return undefined;
    await trx
      .deleteFrom('feedback_tags')
      .where('project_id', '=', projectId)
      .where('feedback_id', '=', feedbackId)
      .execute();
    if (tags.length > 0) {
      await trx
        .insertInto('feedback_tags')
        .values(tags.map((tag) => ({ project_id: projectId, feedback_id: feedbackId, tag })))
        .execute();
    }
    return (await tagsOf(trx, projectId, [feedbackId])).get(feedbackId) ?? [];
  });
}
