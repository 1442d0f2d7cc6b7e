import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `userHash` a site's backend computes to vouch for a user id:
 * hex HMAC-SHA256 of the user id under the project's identity secret.
 *
 * @example
 * userHashOf('is_demo', 'demo-customer') // '5c1f…' (64 hex characters)
 */
export function userHashOf(identitySecret: string, userId: string): string {
  return createHmac('sha256', identitySecret).update(userId, 'utf8').digest('hex');
}

/** Checks a `userHash` in constant time; false for anything malformed. */
export function verifyUserHash(identitySecret: string, userId: string, userHash: unknown): boolean {
  if (typeof userHash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(userHash)) return false;
  const expected = Buffer.from(userHashOf(identitySecret, userId), 'hex');
  return timingSafeEqual(expected, Buffer.from(userHash, 'hex'));
}

/** SHA-256 hex of a secret key, the form in which secret keys are stored and looked up. */
export function hashSecretKey(secretKey: string): string {
  return createHash('sha256').update(secretKey, 'utf8').digest('hex');
}
