import type { Context } from 'hono';
import { NotFoundError } from '../errors';

/** 404 `not_found` naming the method and path that no route answers. */
export function noRouteError(c: Context): NotFoundError {
  return new NotFoundError(`No route for ${c.req.method} ${c.req.path.slice(0, 200)}.`);
}
