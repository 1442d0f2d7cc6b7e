import { PROJECT_HEADER } from '@rapport/protocol';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { roleInProject } from '../store/people/users';
import { findProjectById } from '../store/projects';
import { bearerToken } from './bearer';
import { clientIp } from './client-ip';
import { refuseForeignOrigin, requireCsrf } from './csrf';

/** A secret key: the site's backend, acting as owner. Never from a browser. */
async function bySecretKey(c: Context<AppEnv>, deps: AppDeps, key: string) {
  if (c.req.header('origin')) {
    throw new ForbiddenError(
      'The admin API does not accept browser requests with a secret key; call it from your server.',
    );
  }
  if (key.startsWith('pk_')) {
    throw new ForbiddenError('A publishable key cannot use the admin API; use the secret key.');
  }
  const project = key.startsWith('sk_') ? await deps.projects.bySecretKey(key) : undefined;
  if (!project) throw new UnauthorizedError('Unknown secret key.');
  c.set('project', project);
  c.set('actor', { kind: 'secret_key' });
  await deps.perKey(`sk:${project.id}`);
}

/** A console session plus `X-Rapport-Project`: the teammate's membership decides the role. */
async function bySession(c: Context<AppEnv>, deps: AppDeps) {
  const session = c.get('session');
  if (!session && c.req.header('origin')) {
    throw new ForbiddenError(
      'The admin API does not accept browser requests; call it from your server.',
    );
  }
  if (!session) {
    throw new UnauthorizedError(
      'Send Authorization: Bearer sk_… from your server, or sign in to the console.',
    );
  }
  refuseForeignOrigin(c, deps);
  requireCsrf(c, deps, session);
  const projectId = c.req.header(PROJECT_HEADER);
  if (!projectId) throw new ForbiddenError(`Name the project in the ${PROJECT_HEADER} header.`);
  const role = await roleInProject(deps.store.db, session.user.id, projectId.slice(0, 200));
  const project = role ? await findProjectById(deps.store.db, projectId) : undefined;
  // Not a member and no such project look the same, so ids cannot be probed.
  if (!role || !project) throw new ForbiddenError('You are not a member of this project.');
  c.set('project', project);
  const { id: userId, email, name } = session.user;
  c.set('actor', { kind: 'teammate', userId, email, name, role });
  await deps.perKey(`user:${session.user.id}`);
}

/**
 * Guards the admin API. A secret key (`Authorization: Bearer sk_…`) from a server, never with
 * an `Origin` header — such a request is refused and gets no CORS headers, so a page can
 * never read admin data even if a secret key leaked into it. Or a console session cookie
 * with `X-Rapport-Project`, from the console's own origin, CSRF-checked on writes. Sets
 * `project` and `actor`; `adminRoles` then checks the route's role.
 */
export function adminAccess(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await deps.perIp(clientIp(c, deps.limits.trustProxy));
    const key = bearerToken(c);
    if (key) await bySecretKey(c, deps, key);
    else await bySession(c, deps);
    await next();
  };
}
