import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * The traits a proven user's verified identifies set (`user_traits`), `{}` when none did.
 * Call it only for a user whose userHash the request verified.
 */
export async function verifiedTraitsOf(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<Record<string, unknown>> {
  const row = await db
    .selectFrom('user_traits')
    .select('traits')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  const traits = typeof row?.traits === 'string' ? JSON.parse(row.traits) : row?.traits;
  return traits && typeof traits === 'object' ? (traits as Record<string, unknown>) : {};
}
