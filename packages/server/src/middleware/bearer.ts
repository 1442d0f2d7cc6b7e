import type { Context } from 'hono';

/** The token of `Authorization: Bearer <token>`, or undefined. */
export function bearerToken(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S{1,200})\s*$/i.exec(header) : null;
  return match?.[1];
}
