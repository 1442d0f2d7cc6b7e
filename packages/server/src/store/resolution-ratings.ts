import type { ResolutionRating, ThreadResolution } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import { isoOf } from './rows';
import type { Database } from './schema';

/** The key of one resolution of a thread in {@link answeredResolutions}. */
function resolutionKey(threadId: string, resolvedAt: Date | string): string {
  return `${threadId} ${isoOf(resolvedAt)}`;
}

/**
 * The resolutions of the given threads the customer already answered (rated or dismissed): by
 * `"<threadId> <resolvedAt ISO>"` key, the id of the message that answered.
 */
export async function answeredResolutions(
  db: Kysely<Database>,
  projectId: string,
  threadIds: string[],
): Promise<Map<string, string>> {
  if (threadIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('resolution_ratings')
    .select(['feedback_id', 'resolved_at', 'id'])
    .where('project_id', '=', projectId)
    .where('feedback_id', 'in', threadIds)
    .execute();
  return new Map(rows.map((row) => [resolutionKey(row.feedback_id, row.resolved_at), row.id]));
}

/**
 * What `GET /v1/inbox` says of each resolved thread: its resolution and whether the customer
 * answered "Did we solve this?" for it. Threads not resolved, or resolved before resolution
 * CSAT existed (no `resolved_at`), get nothing: the widget asks nothing there.
 */
export async function threadResolutions(
  db: Kysely<Database>,
  projectId: string,
  threads: { id: string; status: string; resolved_at: Date | null }[],
): Promise<Map<string, ThreadResolution>> {
  const resolved = threads.filter((thread) => thread.status === 'resolved' && thread.resolved_at);
  const answered = await answeredResolutions(
    db,
    projectId,
    resolved.map((thread) => thread.id),
  );
  return new Map(
    resolved.map((thread) => {
      const resolvedAt = isoOf(thread.resolved_at as Date);
      return [
        thread.id,
        { resolvedAt, answered: answered.has(resolutionKey(thread.id, resolvedAt)) },
      ];
    }),
  );
}

/** The customer's newest answer to "Did we solve this?" in a thread, for the console; or null. */
export async function latestResolutionRating(
  db: Kysely<Database>,
  projectId: string,
  threadId: string,
): Promise<ResolutionRating | null> {
  const row = await db
    .selectFrom('resolution_ratings')
    .select(['resolved_at', 'score', 'comment', 'created_at'])
    .where('project_id', '=', projectId)
    .where('feedback_id', '=', threadId)
    .orderBy('created_at', 'desc')
    .orderBy('resolved_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    resolvedAt: isoOf(row.resolved_at),
    score: row.score === null ? null : Number(row.score),
    comment: row.comment,
    createdAt: isoOf(row.created_at),
  };
}
