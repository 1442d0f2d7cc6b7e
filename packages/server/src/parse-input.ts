import type { Context } from 'hono';
import type { z } from 'zod';
import { InvalidBodyError, InvalidQueryError } from './errors';
import { readJsonBody } from './read-json-body';

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

/** `value` checked against `schema`; 400 `invalid_body` with the issues when it does not fit. */
function bodyOf<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const { summary, issues } = describeIssues(result.error);
    throw new InvalidBodyError(`Invalid body: ${summary}`, issues);
  }
  return result.data;
}

/** Parses a JSON body with a schema; 400 `invalid_body` with the issues when it does not fit. */
export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return bodyOf(schema, await readJsonBody(c));
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
): Promise<Partial<z.infer<S>>> {
  const raw = await readJsonBody(c);
  const parsed = bodyOf(schema, raw);
  const sent = new Set(Object.keys(raw as object));
  return Object.fromEntries(
    Object.entries(parsed as object).filter(([key]) => sent.has(key)),
  ) as Partial<z.infer<S>>;
}
