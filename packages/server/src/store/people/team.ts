import { ROLES, type TeamMember } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** A project's members, owners first, then by name. */
export async function membersOf(db: Kysely<Database>, projectId: string): Promise<TeamMember[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'm.role'])
    .where('m.project_id', '=', projectId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return rows
    .map((row) => ({ userId: row.id, email: row.email, name: row.name, role: row.role }))
    .sort((a, b) => ROLES.indexOf(b.role) - ROLES.indexOf(a.role));
}

/**
 * How many owners a project has (the last one cannot leave or be demoted). The owners' rows
 * are locked (`FOR UPDATE`): inside a transaction, two owners demoting each other at once are
 * decided one after the other, so the second sees one owner left and is refused.
 */
export async function ownerCount(db: Kysely<Database>, projectId: string): Promise<number> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('project_id', '=', projectId)
    .where('role', '=', 'owner')
    .forUpdate()
    .execute();
  return rows.length;
}

/** Removes a member; false when they were not one. */
export async function removeMember(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('memberships')
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
