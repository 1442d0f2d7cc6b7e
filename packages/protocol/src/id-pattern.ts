/*
 * The shape of an opaque id (survey, reward, message, anonymous id), zod-free so the SDK can
 * check ids before queueing them with exactly the server's rule.
 */

/** Characters an id may use: letters, digits and `_ - . : @` (all safe in a URL path). */
export const ID_PATTERN = /^[A-Za-z0-9_.:@-]+$/;

/**
 * True when `value` is an id that survives as one URL path segment. `.` and `..` match
 * {@link ID_PATTERN} but are dot segments that URL normalisation removes (RFC 3986 §5.2.4):
 * a survey `..` could be created but never read, changed or deleted through
 * `/v1/admin/surveys/:id` (issue 9, item 6).
 *
 * @example
 * isPathSafeId('nps-2026') // true
 * isPathSafeId('..') // false
 */
export function isPathSafeId(value: string): boolean {
  return ID_PATTERN.test(value) && value !== '.' && value !== '..';
}

/** A `userHash`: the hex HMAC-SHA256 of the user id under the project's identity secret. */
export const USER_HASH_PATTERN = /^[0-9a-fA-F]{64}$/;
