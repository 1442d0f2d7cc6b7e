import type { Kysely } from 'kysely';
import { randomToken, sha256Hex } from '../people/tokens';
import type { Database } from '../store/schema';

/** What an unsubscribe link stops: a project's reply emails to an address, or a digest. */
export type UnsubscribeTarget =
  | { kind: 'replies'; projectId: string; address: string }
  | { kind: 'digest'; userId: string };

/**
 * A new random token for the unsubscribe link of one email (32 bytes, base64url); only its
 * SHA-256 is stored, so a database leak does not hand out working links.
 */
export async function issueUnsubscribeToken(
  db: Kysely<Database>,
  target: UnsubscribeTarget,
  now: Date,
): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('email_unsubscribe_tokens')
    .values({
      token_hash: sha256Hex(token),
      kind: target.kind,
      project_id: target.kind === 'replies' ? target.projectId : null,
      address: target.kind === 'replies' ? target.address.toLowerCase() : null,
      user_id: target.kind === 'digest' ? target.userId : null,
      created_at: now,
    })
    .execute();
  return token;
}

/** What a token stops, or undefined for a token never issued (or whose project is gone). */
export async function findUnsubscribeTarget(
  db: Kysely<Database>,
  token: string,
): Promise<UnsubscribeTarget | undefined> {
  const row = await db
    .selectFrom('email_unsubscribe_tokens')
    .select(['kind', 'project_id', 'address', 'user_id'])
    .where('token_hash', '=', sha256Hex(token))
    .executeTakeFirst();
  if (row?.kind === 'replies' && row.project_id && row.address) {
    return { kind: 'replies', projectId: row.project_id, address: row.address };
  }
  if (row?.kind === 'digest' && row.user_id) return { kind: 'digest', userId: row.user_id };
  return undefined;
}

/** Stops what `target` names; doing it twice changes nothing. */
export async function unsubscribe(
  db: Kysely<Database>,
  target: UnsubscribeTarget,
  now: Date,
): Promise<void> {
  if (target.kind === 'digest') {
    await db
      .updateTable('users')
      .set({ digest_enabled: false, digest_next_at: null })
      .where('id', '=', target.userId)
      .execute();
    return;
  }
  await db
    .insertInto('email_unsubscribes')
    .values({ project_id: target.projectId, address: target.address, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
}
