import { type Role, roleAtLeast } from '@rapport/protocol';
import type { Context } from 'hono';
import type { Actor, AppEnv } from '../app-env';
import { ForbiddenError, UnauthorizedError } from '../errors';

/** The role an actor holds: a secret key counts as owner. */
export function roleOf(actor: Actor): Role {
  return actor.kind === 'secret_key' ? 'owner' : actor.role;
}

/**
 * Throws 403 `forbidden` (naming the role needed) unless the request's actor has at least
 * `role` in the request's project; 401 when no actor was set (a route outside the guards).
 *
 * @example
 * requireRole(c, 'owner'); // before rotating a key
 */
export function requireRole(c: Context<AppEnv>, role: Role): Actor {
  const actor = c.get('actor');
  if (!actor) throw new UnauthorizedError('Sign in first.');
  if (!roleAtLeast(roleOf(actor), role)) {
    throw new ForbiddenError(`This needs the ${role} role in this project.`);
  }
  return actor;
}
