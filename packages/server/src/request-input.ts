import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, InvalidBodyError, InvalidQueryError, PayloadTooLargeError } from './errors';

const ACCEPTED_TYPES = ['application/json', 'text/plain'];

/** Decoders are reusable; `fatal` makes bad UTF-8 an error instead of U+FFFD. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Reads at most `maxBytes` of the body, so a huge or endless body never fills memory. */
async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw new PayloadTooLargeError(maxBytes);
  // With a declared length Node's parser stops at it, so the whole body is safe to buffer.
  // arrayBuffer() also takes @hono/node-server's direct path, skipping web-stream overhead
  // (measurable on the ingest path).
  if (Number.isFinite(declared)) return new Uint8Array(await request.arrayBuffer());
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new PayloadTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

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
 * The request body parsed as JSON. `application/json` and `text/plain` (sendBeacon) are
 * accepted; anything else is 415. Over `maxBytes` is 413; bad UTF-8 or JSON, or nesting
 * deeper than {@link MAX_JSON_DEPTH}, is 400.
 */
export async function readJsonBody(c: Context, maxBytes: number): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type && !ACCEPTED_TYPES.includes(type)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      `Send the body as application/json or text/plain, not ${type.slice(0, 100)}.`,
    );
  }
  const bytes = await readLimited(c.req.raw, maxBytes);
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

/** Turns zod issues into a short sentence and a list for `details`. */
export function describeIssues(error: z.ZodError): { summary: string; issues: unknown[] } {
  const issues = error.issues.slice(0, 10).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const summary = issues
    .slice(0, 3)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
  return { summary, issues };
}

/** Parses a JSON body with a schema; 400 `invalid_body` with the issues when it does not fit. */
export async function parseBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes: number,
): Promise<z.infer<S>> {
  const result = schema.safeParse(await readJsonBody(c, maxBytes));
  if (!result.success) {
    const { summary, issues } = describeIssues(result.error);
    throw new InvalidBodyError(`Invalid body: ${summary}`, issues);
  }
  return result.data;
}

/** Parses the query string with a schema; 400 `invalid_query` when it does not fit. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) {
    const { summary, issues } = describeIssues(result.error);
    throw new InvalidQueryError(`Invalid query: ${summary}`, issues);
  }
  return result.data;
}

/**
 * Parses a partial update. Protocol patch schemas are `partial()` of input schemas whose
 * fields have defaults, and zod fills those defaults in even when a field is absent — so only
 * the keys the client actually sent are kept, or `PATCH { name }` would reset `active`.
 */
export async function parsePatchBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  maxBytes: number,
): Promise<Partial<z.infer<S>>> {
  const raw = await readJsonBody(c, maxBytes);
  const result = schema.safeParse(raw);
  if (!result.success) {
    const { summary, issues } = describeIssues(result.error);
    throw new InvalidBodyError(`Invalid body: ${summary}`, issues);
  }
  const sent = new Set(Object.keys(raw as object));
  return Object.fromEntries(
    Object.entries(result.data as object).filter(([key]) => sent.has(key)),
  ) as Partial<z.infer<S>>;
}
