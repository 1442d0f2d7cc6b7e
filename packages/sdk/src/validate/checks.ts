import {
  isPathSafeId,
  MAX_ID_LENGTH,
  MAX_OBJECT_KEY_LENGTH,
  MAX_OBJECT_KEYS,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
  USER_HASH_PATTERN,
} from '@rapport/protocol';
import { invalidArgument } from '../errors';

/*
 * Small hand-written mirrors of the protocol's zod schemas. The SDK checks input before it
 * is stored, so a bad call fails at once with a clear message instead of sitting in the
 * outbox until the server rejects it — and zod stays out of the browser bundle.
 */

// The same pattern zod 4 uses for z.email(), so the SDK accepts exactly what the server does.
const EMAIL_PATTERN =
  /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** True for `{}`-style objects (not arrays, dates, class instances or null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A string of 1–`max` characters that is not only white space. */
export function checkText(value: unknown, name: string, max = MAX_TEXT_LENGTH): string {
  if (typeof value !== 'string') throw invalidArgument(`${name} must be a string`);
  if (value.length > max) throw invalidArgument(`${name} must be at most ${max} characters`);
  if (value.trim() === '') throw invalidArgument(`${name} must not be empty`);
  return value;
}

/** A string of at most `max` characters (may be empty). */
export function checkOptionalString(value: unknown, name: string, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'string') throw invalidArgument(`${name} must be a string`);
  if (value.length > max) throw invalidArgument(`${name} must be at most ${max} characters`);
}

/** An opaque id: letters, digits and `_ - . : @`, up to 128 characters, not `.` or `..`. */
export function checkId(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length > MAX_ID_LENGTH || !isPathSafeId(value)) {
    throw invalidArgument(
      `${name} must be 1–${MAX_ID_LENGTH} letters, digits or _ - . : @, not . or .. (got ${describe(value)})`,
    );
  }
  return value;
}

/** The site's own user id: any non-blank text up to 128 characters. */
export function checkUserId(value: unknown): string {
  return checkText(value, 'userId', MAX_ID_LENGTH);
}

/** Hex HMAC-SHA256, as computed by the site owner's server. */
export function checkUserHash(value: unknown): void {
  if (value !== undefined && (typeof value !== 'string' || !USER_HASH_PATTERN.test(value))) {
    throw invalidArgument('userHash must be 64 hex characters (HMAC-SHA256 of the user id)');
  }
}

/** An email address as the server's schema accepts it, at most 254 characters. */
export function checkEmail(value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || value.length > 254 || !EMAIL_PATTERN.test(value)) {
    throw invalidArgument(`email must be a valid address (got ${describe(value)})`);
  }
}

/** An integer within `[min, max]`. */
export function checkInteger(value: unknown, name: string, min: number, max: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidArgument(`${name} must be a whole number from ${min} to ${max}`);
  }
}

/** An absolute http(s) URL. */
export function checkUrl(value: unknown, name: string): string {
  if (
    typeof value !== 'string' ||
    value.length > MAX_URL_LENGTH ||
    !/^https?:\/\//i.test(value) ||
    !canParseUrl(value)
  ) {
    throw invalidArgument(`${name} must be an http(s) URL of at most ${MAX_URL_LENGTH} characters`);
  }
  return value;
}

/** A flat bag of JSON values (traits, properties): at most 50 keys of 1–200 characters. */
export function checkRecord(value: unknown, name: string): void {
  if (value === undefined) return;
  if (!isPlainObject(value)) throw invalidArgument(`${name} must be a plain object`);
  const keys = Object.keys(value);
  if (keys.length > MAX_OBJECT_KEYS) {
    throw invalidArgument(`${name} must have at most ${MAX_OBJECT_KEYS} keys`);
  }
  for (const key of keys) {
    if (key.length === 0 || key.length > MAX_OBJECT_KEY_LENGTH) {
      throw invalidArgument(`${name} keys must be 1–${MAX_OBJECT_KEY_LENGTH} characters`);
    }
  }
  try {
    JSON.stringify(value);
  } catch {
    throw invalidArgument(`${name} must be JSON-serialisable (no cycles or BigInt)`);
  }
}

function canParseUrl(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  return value === null ? 'null' : typeof value;
}
