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
 * A cursor id for a row of the pinned section starts with `!`, which no id may hold
 * (`ID_PATTERN`), so one opaque cursor says which section the next page continues in.
 */
const PINNED = '!';

/** Rows after `after` in (created_at, id) descending order. */
function following(query: FeedbackQuery, after: CursorPosition | undefined): FeedbackQuery {
  if (!after) return query;
  return query.where((eb) =>
    eb.or([
      eb('created_at', '<', new Date(after.at)),
      eb.and([eb('created_at', '=', new Date(after.at)), eb('id', '<', after.id)]),
    ]),
  );
}

/**
 * `GET /v1/admin/feedback`: one page of feedback under the filter — open detractor threads
 * first (an unhappy NPS or CSAT answer waiting for a person, issue 14 item 5), then the rest,
 * each newest first — with the count of each status under the same filter (all but `status`,
 * so the tabs show what each status would hold). Two keyset queries, each on its own index.
 */
export async function listInbox(
  db: Kysely<Database>,
  projectId: string,
  filter: InboxFilter,
  page: { after?: CursorPosition; limit: number },
): Promise<InboxPage> {
  const base = filtered(db, projectId, filter, true);
  const after = page.after;
  const inPinned = !after || after.id.startsWith(PINNED);
  const pageOf = (query: FeedbackQuery, from: CursorPosition | undefined, limit: number) =>
    following(query, from)
      .select(FEEDBACK_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  const countsPromise = statusCounts(db, projectId, filter);
  // Read beside the page; if a page query fails first, the request fails with that error and
  // this one must not surface later as an unhandled rejection.
  countsPromise.catch(() => undefined);
  const rows: { row: FeedbackRow; pinned: boolean }[] = [];
  if (inPinned) {
    const pinned = base.where('survey_id', 'is not', null).where('status', '<>', 'resolved');
    const from = after && { at: after.at, id: after.id.slice(PINNED.length) };
    for (const row of await pageOf(pinned, from, page.limit + 1)) rows.push({ row, pinned: true });
  }
  if (rows.length <= page.limit) {
    const rest = base.where((eb) =>
      eb.or([eb('survey_id', 'is', null), eb('status', '=', 'resolved')]),
    );
    const from = inPinned ? undefined : after;
    for (const row of await pageOf(rest, from, page.limit + 1 - rows.length)) {
      rows.push({ row, pinned: false });
    }
  }
  const pageRows = rows.slice(0, page.limit);
  const result: InboxPage = {
    items: await inboxItemsOf(
      db,
      projectId,
      pageRows.map(({ row }) => row),
    ),
    counts: await countsPromise,
  };
  const last = pageRows.at(-1);
  if (rows.length > page.limit && last) {
    const id = last.pinned ? `${PINNED}${last.row.id}` : last.row.id;
    result.nextCursor = encodeCursor({ at: new Date(last.row.created_at).toISOString(), id });
  }
  return result;
}
