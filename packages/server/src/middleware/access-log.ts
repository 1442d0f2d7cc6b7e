import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import type { Logger } from '../logger';

/** Accept a caller's request id only if it is short and plain, so logs stay clean. */
const REQUEST_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * Gives every request an id (the caller's `X-Request-Id` when sane, else a UUID), echoes it,
 * and writes one access-log line. Logs the path only — the query can hold a key or userHash.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
    logger.info('request', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
