import { randomUUID } from 'node:crypto';
import type { PendingInvitation, Role } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import { randomToken, sha256Hex } from '../../people/tokens';
import { isoOf } from '../rows';
import type { Database } from '../schema';

/** An invitation link is valid this long (issue 10: 7 days). */
export const INVITATION_TTL_MS = 7 * 86_400_000;

/** Creates an invitation; returns it with the link's token (only its hash is stored). */
export async function createInvitation(
  db: Kysely<Database>,
  input: { projectId: string; email: string; role: Role; invitedBy: string },
  now: Date,
): Promise<{ invitation: PendingInvitation; token: string }> {
  const token = randomToken();
  const id = `inv_${randomUUID().replaceAll('-', '')}`;
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await db
    .insertInto('invitations')
    .values({
      id,
      project_id: input.projectId,
      email: input.email.trim(),
      role: input.role,
      token_hash: sha256Hex(token),
      invited_by: input.invitedBy,
      created_at: now,
      expires_at: expiresAt,
      accepted_at: null,
    })
    .execute();
  return {
    invitation: {
      id,
      email: input.email.trim(),
      role: input.role,
      expiresAt: expiresAt.toISOString(),
    },
    token,
  };
}

/** Invitations of a project not yet accepted nor expired, oldest first. */
export async function pendingInvitations(
  db: Kysely<Database>,
  projectId: string,
  now: Date,
): Promise<PendingInvitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'expires_at'])
    .where('project_id', '=', projectId)
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    role: row.role,
    expiresAt: isoOf(row.expires_at),
  }));
}

/** Deletes a pending invitation; false when there was none. */
export async function revokeInvitation(
  db: Kysely<Database>,
  projectId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('invitations')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A usable invitation found by its link's token. */
export interface OpenInvitation {
  id: string;
  projectId: string;
  projectName: string;
  email: string;
  role: Role;
}

/** The invitation of a link's token, when neither used nor expired. */
export async function findOpenInvitation(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<OpenInvitation | undefined> {
  const row = await db
    .selectFrom('invitations as i')
    .innerJoin('projects as p', 'p.id', 'i.project_id')
    .select(['i.id', 'i.project_id', 'p.name', 'i.email', 'i.role'])
    .where('i.token_hash', '=', sha256Hex(token))
    .where('i.accepted_at', 'is', null)
    .where('i.expires_at', '>', now)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      projectId: row.project_id,
      projectName: row.name,
      email: row.email,
      role: row.role,
    }
  );
}

/**
 * Marks an invitation used. Only one caller wins when two accept at once (the update is
 * conditional on `accepted_at IS NULL`); the loser gets false.
 */
export async function markInvitationAccepted(
  db: Kysely<Database>,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set({ accepted_at: now })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
