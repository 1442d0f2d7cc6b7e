import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { bearerToken } from './bearer';
import { clientIp } from './client-ip';

/**
 * Guards the admin API: secret key only, and never from a browser. A request that carries
 * an `Origin` header is refused and gets no CORS headers, so a page can never read admin data
 * even if a secret key leaked into it.
 */
export function adminAccess(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.header('origin')) {
      throw new ForbiddenError(
        'The admin API does not accept browser requests; call it from your server.',
      );
    }
    await deps.perIp(clientIp(c, deps.limits.trustProxy));
    const key = bearerToken(c);
    if (!key) throw new UnauthorizedError('Missing secret key: send Authorization: Bearer sk_….');
    if (key.startsWith('pk_')) {
      throw new ForbiddenError('A publishable key cannot use the admin API; use the secret key.');
    }
    const project = key.startsWith('sk_') ? await deps.projects.bySecretKey(key) : undefined;
    if (!project) throw new UnauthorizedError('Unknown secret key.');
    c.set('project', project);
    c.set('actor', { kind: 'secret_key' });
    await deps.perKey(`sk:${project.id}`);
    await next();
  };
}
