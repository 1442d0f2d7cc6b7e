import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { InvalidQueryError } from '../errors';

/**
 * Refuses URLs carrying a NUL (`%00`) in the path or query with 400. PostgreSQL text cannot
 * hold U+0000, so such an id would otherwise fail deep in a query as a 500.
 */
export function refuseNulInUrl(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (/%00/.test(c.req.url) || c.req.url.includes('\u0000')) {
      throw new InvalidQueryError('The URL must not contain NUL characters (%00).');
    }
    await next();
  };
}
