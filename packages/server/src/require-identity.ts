import { userIdSchema } from '@rapport/protocol/schemas';
import { InvalidQueryError, UnauthorizedError } from './errors';
import { verifyUserHash } from './identity';
import type { Project } from './store/projects';

/**
 * Returns the user id when `userHash` proves it (HMAC under the project's identity secret,
 * compared in constant time). Personal data is refused with 401 otherwise — whether the hash
 * is missing, malformed, wrong, or another user's.
 */
export function requireIdentity(project: Project, userId: unknown, userHash: unknown): string {
  const parsed = userIdSchema.safeParse(userId);
  if (!parsed.success) throw new InvalidQueryError('userId: required, 1–128 characters.');
  if (userHash === undefined || userHash === null || userHash === '') {
    throw new UnauthorizedError('userHash is required: HMAC-SHA256 of userId by your backend.');
  }
  if (!verifyUserHash(project.identitySecret, parsed.data, userHash)) {
    throw new UnauthorizedError('userHash does not match userId.');
  }
  return parsed.data;
}

/**
 * The user id when `userHash` proves it, else undefined: for public reads that answer anyone
 * (survey eligibility) but give a proven user more (surveys targeted by verified traits).
 */
export function provenUserId(
  project: Project,
  userId: string | undefined,
  userHash: unknown,
): string | undefined {
  if (userId === undefined) return undefined;
  return verifyUserHash(project.identitySecret, userId, userHash) ? userId : undefined;
}
