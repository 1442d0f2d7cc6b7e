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

/**
 * A device secret: the random value (≥ 128 bits, 22–128 characters of base64url or hex) the
 * SDK keeps with the visitor's identity and sends with its writes. The server stores only its
 * SHA-256 and asks for it before showing an anonymous visitor's threads (issue 14, item 2).
 */
export const DEVICE_SECRET_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/**
 * The request header that carries the device secret on reads (`GET /v1/inbox`): a header, not
 * the query string, so the secret never lands in access logs.
 */
export const DEVICE_SECRET_HEADER = 'x-rapport-device-secret';
