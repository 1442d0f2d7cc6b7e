import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditItem, AuditPage } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import type { Actor } from '../app-env';
import { type CursorPosition, encodeCursor } from '../cursor';
import { isoOf, jsonOf } from './rows';
import type { Database } from './schema';

/** One audited action. Never personal data or secrets in `target` or `details`. */
export interface AuditEntry {
  /** The project acted on; `null` for account-wide actions (sign-in, password change). */
  projectId: string | null;
  /**
   * Who acted: a request's `actor`, or just `{ kind: 'teammate', userId }` (sign-in);
   * `null` for the system or an unknown person (a failed sign-in).
   */
  actor: Actor | { kind: 'teammate'; userId: string } | null;
  action: AuditAction;
  /** What was acted on, as an id (feedback id, member's user id, key kind, erase id). */
  target?: string | null;
  /** Non-personal facts (old/new status, role), stored as JSON. */
  details?: Record<string, unknown>;
}

/**
 * Appends an entry to the audit log. Pass the transaction of the change when there is one, so
 * the change and its audit row commit together.
 *
 * @example
 * await recordAudit(trx, { projectId, actor: c.get('actor'), action: 'key_rotated',
 *   target: 'secret' }, deps.clock());
 */
export async function recordAudit(
  db: Kysely<Database>,
  entry: AuditEntry,
  at: Date,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: randomUUID(),
      project_id: entry.projectId,
      at,
      actor_user_id: entry.actor?.kind === 'teammate' ? entry.actor.userId : null,
      actor_kind: entry.actor?.kind ?? 'system',
      action: entry.action,
      target: entry.target ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** Options for {@link listAudit}. */
export interface AuditListOptions {
  after?: CursorPosition;
  /** @default 50 */
  limit?: number;
}

/**
 * One page of a project's audit log, newest first: the project's own entries plus the
 * account-wide ones (sign-ins, password changes) of its current members.
 */
export async function listAudit(
  db: Kysely<Database>,
  projectId: string,
  options: AuditListOptions = {},
): Promise<AuditPage> {
  const limit = options.limit ?? 50;
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_kind',
      'a.actor_user_id',
      'a.action',
      'a.target',
      'a.details',
      'u.email',
      'u.name',
    ])
    .where((eb) =>
      eb.or([
        eb('a.project_id', '=', projectId),
        eb.and([
          eb('a.project_id', 'is', null),
          eb.or([
            eb(
              'a.actor_user_id',
              'in',
              eb.selectFrom('memberships').select('user_id').where('project_id', '=', projectId),
            ),
            // A failed sign-in names the account in `target` (nobody proved who acted).
            eb(
              'a.target',
              'in',
              eb.selectFrom('memberships').select('user_id').where('project_id', '=', projectId),
            ),
          ]),
        ]),
      ]),
    );
  const after = options.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('a.at', '<', new Date(after.at)),
        eb.and([eb('a.at', '=', new Date(after.at)), eb('a.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .execute();
  const items: AuditItem[] = rows.slice(0, limit).map((row) => ({
    id: row.id,
    at: isoOf(row.at),
    actor:
      row.actor_kind === 'secret_key'
        ? { kind: 'secret_key' }
        : row.actor_user_id && row.email !== null && row.name !== null
          ? { userId: row.actor_user_id, email: row.email, name: row.name }
          : null,
    action: row.action,
    target: row.target,
    details: jsonOf<Record<string, unknown>>(row.details),
  }));
  const last = items.at(-1);
  return rows.length > limit && last
    ? { items, nextCursor: encodeCursor({ at: last.at, id: last.id }) }
    : { items };
}
