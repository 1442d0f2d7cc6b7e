import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DEVICE_SECRET_PATTERN, USER_HASH_PATTERN } from '@rapport/protocol';

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
  if (typeof userHash !== 'string' || !USER_HASH_PATTERN.test(userHash)) return false;
  const expected = Buffer.from(userHashOf(identitySecret, userId), 'hex');
  return timingSafeEqual(expected, Buffer.from(userHash, 'hex'));
}

/** SHA-256 hex of a secret key, the form in which secret keys are stored and looked up. */
export function hashSecretKey(secretKey: string): string {
  return createHash('sha256').update(secretKey, 'utf8').digest('hex');
}

/**
 * SHA-256 hex of a device secret, the only form the server keeps. A plain hash is enough: the
 * secret is 128 random bits, so there is nothing to guess that a slow hash would protect.
 */
export function hashDeviceSecret(deviceSecret: string): string {
  return createHash('sha256').update(deviceSecret, 'utf8').digest('hex');
}

/**
 * True when `deviceSecret` hashes to `storedHash`, compared in constant time; false when either
 * is missing or malformed, so an unregistered browser proves nothing.
 */
export function verifyDeviceSecret(storedHash: string | null | undefined, deviceSecret: unknown) {
  if (typeof storedHash !== 'string' || !/^[0-9a-f]{64}$/.test(storedHash)) return false;
  if (typeof deviceSecret !== 'string' || !DEVICE_SECRET_PATTERN.test(deviceSecret)) return false;
  const presented = Buffer.from(hashDeviceSecret(deviceSecret), 'hex');
  return timingSafeEqual(Buffer.from(storedHash, 'hex'), presented);
}
