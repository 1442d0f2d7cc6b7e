import type { FeedbackCategory, FeedbackStatus, InboxItem, InboxPage } from '@rapport/protocol';
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { type CursorPosition, encodeCursor } from '../cursor';
import { FEEDBACK_COLUMNS, type FeedbackRow, itemsOf } from './feedback';
import { numberOf } from './rows';
import type { Database } from './schema';

/** Which feedback the inbox shows; every field narrows the list. */
export interface InboxFilter {
  status?: FeedbackStatus;
  category?: FeedbackCategory;
  hasEmail?: boolean;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
  /** Full-text search (`websearch_to_tsquery` syntax: words, "phrases", -not, or). */
  q?: string;
  tag?: string;
  /** A teammate's user id, or `null` for unassigned items. */
  assignee?: string | null;
}

type FeedbackQuery = SelectQueryBuilder<Database, 'feedback', object>;

/** The project's feedback narrowed by every filter, except `status` unless `withStatus`. */
function filtered(
  db: Kysely<Database>,
  projectId: string,
  filter: InboxFilter,
  withStatus: boolean,
): FeedbackQuery {
  let query: FeedbackQuery = db.selectFrom('feedback').where('project_id', '=', projectId);
  if (withStatus && filter.status) query = query.where('status', '=', filter.status);
  if (filter.category) query = query.where('category', '=', filter.category);
  if (filter.hasEmail === true)
    query = query.where('email', 'is not', null).where('email', '<>', '');
  if (filter.hasEmail === false) {
    query = query.where((eb) => eb.or([eb('email', 'is', null), eb('email', '=', '')]));
  }
  if (filter.from) query = query.where('created_at', '>=', filter.from);
  if (filter.to) query = query.where('created_at', '<', filter.to);
  // The 'simple' configuration, like the generated column (migration 0003), so the query's
  // words are normalised exactly as the stored ones and the GIN index answers it.
  if (filter.q)
    query = query.where(sql<boolean>`search @@ websearch_to_tsquery('simple', ${filter.q})`);
  const tag = filter.tag;
  if (tag) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('feedback_tags as t')
          .select(sql`1`.as('one'))
          .whereRef('t.project_id', '=', 'feedback.project_id')
          .whereRef('t.feedback_id', '=', 'feedback.id')
          .where('t.tag', '=', tag),
      ),
    );
  }
  if (filter.assignee === null) query = query.where('assignee_id', 'is', null);
  else if (filter.assignee) query = query.where('assignee_id', '=', filter.assignee);
  return query;
}

/** How many items each status holds under the filter (its own status ignored). */
async function statusCounts(db: Kysely<Database>, projectId: string, filter: InboxFilter) {
  const rows = await filtered(db, projectId, filter, false)
    .select(['status', (eb) => eb.fn.countAll().as('n')])
    .groupBy('status')
    .execute();
  const counts = { new: 0, in_progress: 0, resolved: 0 };
  for (const row of rows) counts[row.status as FeedbackStatus] = numberOf(row.n);
  return counts;
}

/** Tags of the given feedback items, sorted, by feedback id. */
export async function tagsOf(
  db: Kysely<Database>,
  projectId: string,
  feedbackIds: string[],
): Promise<Map<string, string[]>> {
  const byFeedback = new Map<string, string[]>();
  if (feedbackIds.length === 0) return byFeedback;
  const rows = await db
    .selectFrom('feedback_tags')
    .select(['feedback_id', 'tag'])
    .where('project_id', '=', projectId)
    .where('feedback_id', 'in', feedbackIds)
    .orderBy('tag')
    .execute();
  for (const row of rows)
    byFeedback.set(row.feedback_id, [...(byFeedback.get(row.feedback_id) ?? []), row.tag]);
  return byFeedback;
}

/** Names of the given teammates (users.id → name); unknown ids are left out. */
export async function teammateNames(db: Kysely<Database>, userIds: string[]) {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Feedback rows as inbox items: replies, tags and the assignee's name. */
export async function inboxItemsOf(
  db: Kysely<Database>,
  projectId: string,
  rows: FeedbackRow[],
): Promise<InboxItem[]> {
  const ids = rows.map((row) => row.id);
  const [items, tags, names] = await Promise.all([
    itemsOf(db, projectId, rows),
    tagsOf(db, projectId, ids),
    teammateNames(
      db,
      rows.flatMap((row) => (row.assignee_id ? [row.assignee_id] : [])),
    ),
  ]);
  return items.map((item, index) => {
    const assigneeId = rows[index]?.assignee_id ?? null;
    return {
      ...item,
      tags: tags.get(item.id) ?? [],
      // A teammate removed from the system leaves their id behind; shown as unknown, not lost.
      assignee: assigneeId
        ? { userId: assigneeId, name: names.get(assigneeId) ?? 'Former teammate' }
        : null,
    };
  });
}

/**
 * `GET /v1/admin/feedback`: one page of feedback newest first under the filter, with the
 * count of each status under the same filter (all but `status`, so the tabs show what each
 * status would hold).
 */
export async function listInbox(
  db: Kysely<Database>,
  projectId: string,
  filter: InboxFilter,
  page: { after?: CursorPosition; limit: number },
): Promise<InboxPage> {
  let query = filtered(db, projectId, filter, true).select(FEEDBACK_COLUMNS);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(after.at)),
        eb.and([eb('created_at', '=', new Date(after.at)), eb('id', '<', after.id)]),
      ]),
    );
  }
  const [rows, counts] = await Promise.all([
    query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit + 1)
      .execute(),
    statusCounts(db, projectId, filter),
  ]);
  const pageRows = rows.slice(0, page.limit);
  const result: InboxPage = { items: await inboxItemsOf(db, projectId, pageRows), counts };
  const last = pageRows.at(-1);
  if (rows.length > page.limit && last) {
    result.nextCursor = encodeCursor({ at: new Date(last.created_at).toISOString(), id: last.id });
  }
  return result;
}
