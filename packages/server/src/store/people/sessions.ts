import type { Kysely } from 'kysely';
import { randomToken, sha256Hex } from '../../people/tokens';
import type { Database } from '../schema';
import type { User } from './users';

/** A session ends after this long without use (issue 10: 14 days idle). */
export const SESSION_IDLE_MS = 14 * 86_400_000;

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

/** A live session with its user. */
export interface Session {
  /** SHA-256 of the cookie's token. */
  id: string;
  user: User;
  csrfToken: string;
  expiresAt: Date;
  /** True when this lookup moved the idle expiry forward (the cookie is then re-sent). */
  refreshed: boolean;
}

/** Starts a session; returns the cookie's token (never stored) and the session. */
export async function createSession(
  db: Kysely<Database>,
  user: User,
  now: Date,
): Promise<{ token: string; session: Session }> {
  const token = randomToken();
  const id = sha256Hex(token);
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, session: { id, user, csrfToken, expiresAt, refreshed: true } };
}

/**
 * The live session of a cookie token, or undefined (unknown or idle too long). Slides the
 * idle expiry forward, writing at most once a minute.
 */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<Session | undefined> {
  const id = sha256Hex(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 'u.id as user_id'])
    .select(['u.email', 'u.name'])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  if (new Date(row.expires_at).getTime() <= now.getTime()) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  const session: Session = {
    id,
    user: { id: row.user_id, email: row.email, name: row.name },
    csrfToken: row.csrf_token,
    expiresAt: new Date(row.expires_at),
    refreshed: false,
  };
  if (now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
    session.expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
    session.refreshed = true;
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now, expires_at: session.expiresAt })
      .where('id', '=', id)
      .execute();
  }
  return session;
}

/** Ends one session (sign-out). */
export async function deleteSession(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (password change). */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
