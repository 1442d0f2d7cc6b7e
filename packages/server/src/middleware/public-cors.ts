import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from '../app-env';
import { assertOriginAllowed } from './public-access';

// X-Rapport-Device-Secret: the device secret of an anonymous visitor's inbox read (issue 14).
// If-None-Match and ETag: the launcher's conditional unread check (`GET /v1/inbox/unread`).
const ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Request-Id',
  'X-Rapport-Device-Secret',
  'If-None-Match',
];
const EXPOSE_HEADERS = ['Retry-After', 'X-Request-Id', 'ETag'];
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * CORS for the public API through `hono/cors`, which also answers preflights and adds
 * `Vary: Origin`. The origin is echoed on every answer, refusals included: a 403
 * `origin_not_allowed`, 401 or 429 carries no data, and without CORS headers the browser hides
 * it behind an opaque network error that the SDK would report as "offline". The per-project
 * allowlist is checked after the key (`publicAccess`), before any data is read or written.
 */
export function publicCors(deps: AppDeps): MiddlewareHandler<AppEnv> {
  // Preflights carry no Authorization header. With `?key=` we check the origin now;
  // without it we answer, and the real request is checked (and refused) before any effect.
  async function checkPreflight(c: Context<AppEnv>, origin: string) {
    const key = c.req.query('key');
    const project = key ? await deps.projects.byPublishableKey(key) : undefined;
    if (project) assertOriginAllowed(project, origin);
  }

  return cors({
    origin: async (origin, c) => {
      if (!origin) return null;
      if (c.req.method === 'OPTIONS') await checkPreflight(c as Context<AppEnv>, origin);
      return origin;
    },
    // The methods of the requests a preflight asks about: OPTIONS is never one of them.
    allowMethods: ['GET', 'POST'],
    allowHeaders: ALLOW_HEADERS,
    exposeHeaders: EXPOSE_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
}
