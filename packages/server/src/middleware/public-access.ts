import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { ForbiddenError, UnauthorizedError } from '../errors';
import type { Project } from '../store/projects';
import { bearerToken } from './bearer';
import { clientIp } from './client-ip';

function keyOf(c: Context): string | undefined {
  return bearerToken(c) ?? c.req.query('key') ?? undefined;
}

/** 403 `origin_not_allowed` unless `origin` is one of the project's allowed origins. */
export function assertOriginAllowed(project: Project, origin: string) {
  if (!project.allowedOrigins.includes(origin)) {
    throw new ForbiddenError(
      `Origin ${origin.slice(0, 200)} is not in this project's allowed origins.`,
      'origin_not_allowed',
    );
  }
}

/**
 * Guards the public API, after `publicCors`: publishable key (Bearer or `?key=`), the
 * per-project origin allowlist, per-key and per-IP rate limits. Requests without `Origin`
 * (servers, curl) pass the origin check; browsers always send it on cross-origin requests.
 */
export function publicAccess(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
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
    const origin = c.req.header('origin');
    if (origin) assertOriginAllowed(project, origin);
    c.set('project', project);
    await deps.perPublishableKey(`pk:${project.id}`);
    await next();
  };
}
