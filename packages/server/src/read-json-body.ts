import type { Context } from 'hono';
import { ApiError, InvalidBodyError } from './errors';

const ACCEPTED_TYPES = ['application/json', 'text/plain'];

/** Decoders are reusable; `fatal` makes bad UTF-8 an error instead of U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** `\u0000` escapes not themselves escaped (an even run of backslashes before them). */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

/**
 * Drops NUL characters from JSON text. PostgreSQL text and jsonb cannot hold U+0000, so a
 * NUL would fail the whole statement; a NUL carries no meaning in feedback or event data.
 */
export function stripNulEscapes(json: string): string {
  return json.includes('\\u0000') ? json.replace(NUL_ESCAPE, '$1') : json;
}

/**
 * Deepest JSON nesting a body may have. Real batches nest about six levels (envelope, message,
 * properties, a few levels of user data); zod's JSON schema and the walks below recurse, and
 * a 64 KiB body can nest 32,000 levels deep — enough to overflow the stack (a 500).
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;

/** True when JSON text nests arrays/objects deeper than `maxDepth` (strings are skipped). */
export function nestsDeeperThan(json: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const code = json.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) inString = true;
    else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) depth -= 1;
  }
  return false;
}

const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `String.prototype.toWellFormed`, which our ES2023 lib does not declare. */
function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Replaces lone surrogates (in keys and values, at any depth) with U+FFFD. */
function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [toWellFormed(key), wellFormed(item)]),
    );
  }
  return value;
}

/**
 * The request body decoded as JSON. `application/json` and `text/plain` (sendBeacon) are
 * accepted; anything else is 415. Bad UTF-8 or JSON, or nesting deeper than
 * {@link MAX_JSON_DEPTH}, is 400. The size was bounded before: each API mounts `hono/body-limit`
 * (413 `payload_too_large`), so the whole body is safe to buffer here.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type && !ACCEPTED_TYPES.includes(type)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the body as application/json or text/plain, not ${type.slice(0, 100)}.`,
    );
  }
  // arrayBuffer() takes @hono/node-server's direct path, skipping web-stream overhead
  // (measurable on the ingest path).
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) throw new InvalidBodyError('The body is empty; send a JSON object.');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new InvalidBodyError('The body is not valid UTF-8.');
  }
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new InvalidBodyError(`The body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(stripNulEscapes(text));
  } catch {
    throw new InvalidBodyError('The body is not valid JSON.');
  }
  // Escaped lone surrogates parse into strings PostgreSQL cannot store; checked on the text
  // first so the common case pays one scan, not a walk of every value.
  return SURROGATE_ESCAPE.test(text) ? wellFormed(value) : value;
}
