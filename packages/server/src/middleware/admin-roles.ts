import type { Role } from '@rapport/protocol';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';
import { requireRole } from './require-role';

/** One row of the admin API's role table: method, path pattern, the least role allowed. */
interface RoleRule {
  method: string;
  path: RegExp;
  role: Role;
}

const ID = '[^/]+';

/**
 * Who may call what on `/v1/admin/*` (issue 10): members read everything, reply, add notes
 * and tags, change status and assignee; admins also manage surveys, loyalty, webhooks and
 * widget settings; owners also keys, origins, team, deletion and customer erase. The first
 * matching row wins. A write no row names needs admin, so a new route is never open to
 * members by accident; reads need member.
 */
export const ADMIN_ROLE_RULES: readonly RoleRule[] = [
  { method: 'DELETE', path: new RegExp(`^/v1/admin/customers/${ID}$`), role: 'owner' },
  { method: 'PATCH', path: new RegExp(`^/v1/admin/feedback/${ID}$`), role: 'member' },
  { method: 'POST', path: new RegExp(`^/v1/admin/feedback/${ID}/replies$`), role: 'member' },
  { method: 'POST', path: new RegExp(`^/v1/admin/feedback/${ID}/notes$`), role: 'member' },
  { method: 'PUT', path: new RegExp(`^/v1/admin/feedback/${ID}/tags$`), role: 'member' },
  // A reward's unused codes are as good as the rewards themselves.
  { method: 'GET', path: new RegExp(`^/v1/admin/loyalty/rewards/${ID}/codes$`), role: 'admin' },
  { method: 'GET', path: /^\/v1\/admin\//, role: 'member' },
  { method: 'HEAD', path: /^\/v1\/admin\//, role: 'member' },
];

/** The least role for a request on the admin API (see {@link ADMIN_ROLE_RULES}). */
export function roleForAdminRoute(method: string, path: string): Role {
  const rule = ADMIN_ROLE_RULES.find((row) => row.method === method && row.path.test(path));
  return rule?.role ?? 'admin';
}

/** Enforces {@link ADMIN_ROLE_RULES}; runs after `adminAccess` has set the actor. */
export function adminRoles(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    requireRole(c, roleForAdminRoute(c.req.method, c.req.path));
    await next();
  };
}
