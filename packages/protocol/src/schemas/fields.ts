import { z } from 'zod';
import { DEVICE_SECRET_PATTERN, ID_PATTERN, isPathSafeId, USER_HASH_PATTERN } from '../id-pattern';
import {
  MAX_ID_LENGTH,
  MAX_LABEL_LENGTH,
  MAX_OBJECT_KEY_LENGTH,
  MAX_OBJECT_KEYS,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
} from '../limits';

/**
 * An opaque id: 1–128 characters of letters, digits, `_`, `-`, `.`, `:` or `@`, and not `.`
 * or `..` (see {@link isPathSafeId}): every id must work as a URL path segment.
 */
export const idSchema = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .regex(ID_PATTERN, 'must contain only letters, digits and _ - . : @')
  .refine(isPathSafeId, 'must not be . or .. (they vanish from URL paths)');

/** A user id chosen by the site owner: any printable text up to 128 characters. */
export const userIdSchema = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .refine((value) => value.trim().length > 0, 'must not be blank');

/** Hex HMAC-SHA256 of the user id under the project's identity secret. */
export const userHashSchema = z
  .string()
  .regex(USER_HASH_PATTERN, 'must be 64 hex characters (HMAC-SHA256)');

/** A device secret (see `DEVICE_SECRET_PATTERN`): random, 22–128 base64url or hex characters. */
export const deviceSecretSchema = z
  .string()
  .regex(DEVICE_SECRET_PATTERN, 'must be 22–128 characters of A–Z a–z 0–9 _ -');

/** An ISO 8601 timestamp with a time zone. */
export const timestampSchema = z.iso.datetime({ offset: true });

/** First and last instants a query may name: years 0001–9999, what ISO 8601 and SQL share. */
const EARLIEST_QUERY_TIME = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST_QUERY_TIME = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * A date (`2026-03-01`) or a timestamp with a time zone, for query strings (`from`, `to`),
 * limited to years 0001–9999 in UTC: `0000-01-01` or `9999-12-31T23:59-14:00` have the right
 * shape but no PostgreSQL timestamp, and must answer `invalid_query`, not reach the database.
 */
export const queryDateSchema = z.union([z.iso.date(), timestampSchema]).refine((value) => {
  const time = Date.parse(value);
  return time >= EARLIEST_QUERY_TIME && time <= LATEST_QUERY_TIME;
}, 'must be between 0001-01-01 and 9999-12-31 (UTC)');

/** An absolute http(s) URL. */
export const urlSchema = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an http(s) URL');

/** Free text: 1–5,000 characters, not only white space. */
export const textSchema = z
  .string()
  .min(1)
  .max(MAX_TEXT_LENGTH)
  .refine((value) => value.trim().length > 0, 'must not be blank');

/** A short label, up to 500 characters. */
export const labelSchema = z.string().min(1).max(MAX_LABEL_LENGTH);

/** A flat bag of JSON values (traits, properties), at most 50 keys. */
export const jsonRecordSchema = z
  .record(z.string().min(1).max(MAX_OBJECT_KEY_LENGTH), z.json())
  .refine((value) => Object.keys(value).length <= MAX_OBJECT_KEYS, {
    message: `must have at most ${MAX_OBJECT_KEYS} keys`,
  });
