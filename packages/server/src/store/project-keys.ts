import { randomBytes } from 'node:crypto';
import type { KeyKind, KeyRotated } from '@rapport/protocol';
import type { Kysely } from 'kysely';
import { hashSecretKey } from '../identity';
import { findProjectById, type Project, upsertProject } from './projects';
import type { Database } from './schema';

/** How long a secret key keeps working after it was rotated (so backends can redeploy). */
export const SECRET_KEY_GRACE_MS = 24 * 3_600_000;

/** A fresh random key with its prefix: `pk_`, `sk_` or `is_` + 32 bytes of base64url. */
export function generateKey(prefix: 'pk' | 'sk' | 'is'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** A new project id: `proj_` + 12 random bytes as hex. */
export function generateProjectId(): string {
  return `proj_${randomBytes(12).toString('hex')}`;
}

/** A project just created, with the secret key in clear (shown this once, stored hashed). */
export interface CreatedProject {
  project: Project;
  secretKey: string;
}

/**
 * Creates a project with random keys.
 *
 * @example
 * const { project, secretKey } = await createProject(db, { name: 'Shop',
 *   allowedOrigins: ['https://shop.example'] });
 */
export async function createProject(
  db: Kysely<Database>,
  input: { name: string; allowedOrigins: string[] },
): Promise<CreatedProject> {
  const id = generateProjectId();
  const secretKey = generateKey('sk');
  await upsertProject(db, {
    id,
    name: input.name,
    publishableKey: generateKey('pk'),
    secretKey,
    identitySecret: generateKey('is'),
    allowedOrigins: input.allowedOrigins,
  });
  const project = await findProjectById(db, id);
  if (!project) throw new Error('The project just created is missing.');
  return { project, secretKey };
}

/**
 * Replaces one of a project's keys with a fresh random one; undefined when the project is
 * gone. A rotated secret key keeps working for {@link SECRET_KEY_GRACE_MS}; a rotated
 * publishable key or identity secret stops at once (the page and backend must be updated).
 */
export async function rotateKey(
  db: Kysely<Database>,
  projectId: string,
  kind: KeyKind,
  now: Date,
): Promise<KeyRotated | undefined> {
  const update = db.updateTable('projects').where('id', '=', projectId);
  if (kind === 'publishable') {
    const publishableKey = generateKey('pk');
    const result = await update.set({ publishable_key: publishableKey }).executeTakeFirst();
    return result.numUpdatedRows > 0n ? { publishableKey } : undefined;
  }
  if (kind === 'identity') {
    const identitySecret = generateKey('is');
    const result = await update.set({ identity_secret: identitySecret }).executeTakeFirst();
    return result.numUpdatedRows > 0n ? { identitySecret } : undefined;
  }
  const secretKey = generateKey('sk');
  const validUntil = new Date(now.getTime() + SECRET_KEY_GRACE_MS);
  const result = await update
    .set((eb) => ({
      previous_secret_key_hash: eb.ref('secret_key_hash'),
      previous_secret_key_expires_at: validUntil,
      secret_key_hash: hashSecretKey(secretKey),
    }))
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return undefined;
  return { secretKey, previousSecretKeyValidUntil: validUntil.toISOString() };
}
