import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Whose threads: a verified user's, or a browser's anonymous ones (not moved to a user). */
export type ThreadOwner = { userId: string } | { anonymousId: string };

/** The owner's threads, as `GET /v1/inbox` lists them. */
function ownedThreads(db: Kysely<Database>, projectId: string, owner: ThreadOwner) {
  const query = db.selectFrom('feedback').where('feedback.project_id', '=', projectId);
  return 'userId' in owner
    ? query.where('feedback.user_id', '=', owner.userId)
    : query
        .where('feedback.anonymous_id', '=', owner.anonymousId)
        .where('feedback.user_id', 'is', null);
}

/**
 * `GET /v1/inbox/unread`: how many of the team's replies in the owner's threads are newer than
 * the thread's read marker (all of them in a thread never read). The customer's own answers
 * never count. One indexed count, so the launcher can ask on every load.
 */
export async function unreadReplies(
  db: Kysely<Database>,
  projectId: string,
  owner: ThreadOwner,
): Promise<number> {
  const row = await ownedThreads(db, projectId, owner)
    .innerJoin('feedback_replies as reply', (join) =>
      join
        .onRef('reply.project_id', '=', 'feedback.project_id')
        .onRef('reply.feedback_id', '=', 'feedback.id'),
    )
    .where('reply.author', '=', 'team')
    .where((eb) =>
      eb.or([
        eb('feedback.customer_read_at', 'is', null),
        eb('reply.created_at', '>', eb.ref('feedback.customer_read_at')),
      ]),
    )
    .select((eb) => eb.fn.countAll<string | number>().as('unread'))
    .executeTakeFirst();
  return Number(row?.unread ?? 0);
}

/**
 * `POST /v1/inbox/read`: moves the read marker of each of the owner's threads to `through`,
 * never back (a late or repeated call changes nothing) and never past `now` (a clock ahead
 * cannot mark replies not yet written as read).
 */
export async function markThreadsRead(
  db: Kysely<Database>,
  projectId: string,
  owner: ThreadOwner,
  through: Date,
  now: Date,
): Promise<void> {
  const mark = through < now ? through : now;
  const ids = ownedThreads(db, projectId, owner).select('feedback.id');
  await db
    .updateTable('feedback')
    .set({ customer_read_at: mark })
    .where('project_id', '=', projectId)
    .where('id', 'in', ids)
    .where((eb) => eb.or([eb('customer_read_at', 'is', null), eb('customer_read_at', '<', mark)]))
    .execute();
}
