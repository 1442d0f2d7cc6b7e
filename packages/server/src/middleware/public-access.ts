import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { ForbiddenError, UnauthorizedError } from '../errors';
import type { Project } from '../store/projects';
import { bearerToken } from './bearer';
import { clientIp } from './client-ip';

const ALLOW_HEADERS = 'Authorization, Content-Type, X-Request-Id';
const EXPOSE_HEADERS = 'Retry-After, X-Request-Id';
const PREFLIGHT_MAX_AGE = '600';

function keyOf(c: Context): string | undefined {
  return bearerToken(c) ?? c.req.query('key') ?? undefined;
}

function allowOrigin(c: Context, origin: string) {
  c.header('Access-Control-Allow-Origin', origin);
  c.header('Vary', 'Origin');
  c.header('Access-Control-Expose-Headers', EXPOSE_HEADERS);
}

function assertOriginAllowed(project: Project, origin: string) {
  if (!project.allowedOrigins.includes(origin)) {
    throw new ForbiddenError(
      `Origin ${origin.slice(0, 200)} is not in this project's allowed origins.`,
      'origin_not_allowed',
    );
  }
}

/**
 * Guards the public API: publishable key (Bearer or `?key=`), per-project origin allowlist
 * with CORS, per-key and per-IP rate limits. Requests without `Origin` (servers, curl) pass
 * the origin check; browsers always send it on cross-origin requests.
 */
export function publicAccess(deps: AppDeps): MiddlewareHandler<AppEnv> {
  async function preflight(c: Context<AppEnv>, origin: string | undefined) {
    // Preflights carry no Authorization header. With `?key=` we check the origin now;
    // without it we answer, and the real request is checked (and refused) before any effect.
    const key = c.req.query('key');
    const project = key ? await deps.projects.byPublishableKey(key) : undefined;
    if (origin) {
      if (project) assertOriginAllowed(project, origin);
      allowOrigin(c, origin);
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
      c.header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
    }
    return c.body(null, 204);
  }

  return async (c, next) => {
    // The admin and console APIs have guards of their own (secret key or session cookie).
    if (c.req.path.startsWith('/v1/admin') || c.req.path.startsWith('/v1/console')) return next();
    const origin = c.req.header('origin');
    if (c.req.method === 'OPTIONS') return preflight(c, origin);
    // Every answer is readable by the requesting page, refusals included: a 403
    // `origin_not_allowed`, 401 or 429 carries no data, and without CORS headers the browser
    // hides it behind an opaque network error that the SDK would report as "offline". Data is
    // only ever sent after the origin check below has passed.
    if (origin) allowOrigin(c, origin);
    // The IP is counted before the key is looked up, so a flood of made-up keys is limited
    // like any other traffic instead of reaching the database unbounded (issue 9, item 7).
    await deps.perIp(clientIp(c, deps.limits.trustProxy));
    const key = keyOf(c);
    if (!key) {
      throw new UnauthorizedError(
        'Missing publishable key: send Authorization: Bearer pk_… or ?key=pk_….',
      );
    }
    const project = key.startsWith('pk_') ? await deps.projects.byPublishableKey(key) : undefined;
    if (!project) throw new UnauthorizedError('Unknown publishable key.');
    if (origin) assertOriginAllowed(project, origin);
    c.set('project', project);
    await deps.perPublishableKey(`pk:${project.id}`);
    await next();
  };
}
