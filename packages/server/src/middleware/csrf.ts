import { CSRF_HEADER } from '@rapport/protocol';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { ApiError } from '../errors';
import { safeEqual } from '../people/tokens';
import type { Session } from '../store/people/sessions';

/** 403 `csrf_failed`. */
export class CsrfError extends ApiError {
  constructor(message: string) {
    super(403, 'csrf_failed', message);
  }
}

/** The server's own origin: `publicUrl` when set, else the origin the request reached. */
export function ownOrigin(c: Context, deps: AppDeps): string {
  return deps.console.publicUrl
    ? new URL(deps.console.publicUrl).origin
    : new URL(c.req.url).origin;
}

/** True for methods that change nothing (no CSRF token needed). */
export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/** Refuses a request whose `Origin` header is present and not the server's own. */
export function refuseForeignOrigin(c: Context<AppEnv>, deps: AppDeps) {
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== ownOrigin(c, deps)) {
    throw new CsrfError('This request comes from another site.');
  }
}

/**
 * CSRF check for a state-changing request authenticated by the session cookie: it must carry
 * `Origin` equal to the server's own origin AND `X-CSRF-Token` equal to the session's token.
 * SameSite=Lax already keeps the cookie off most cross-site writes; these two close the rest
 * (same-site subdomains, old browsers). Safe methods pass.
 */
export function requireCsrf(c: Context<AppEnv>, deps: AppDeps, session: Session) {
  if (isSafeMethod(c.req.method)) return;
  const origin = c.req.header('origin');
  if (!origin || origin !== ownOrigin(c, deps)) {
    throw new CsrfError('A console write must come from the console (Origin mismatch).');
  }
  const token = c.req.header(CSRF_HEADER);
  if (!token || !safeEqual(token, session.csrfToken)) {
    throw new CsrfError(`Missing or wrong ${CSRF_HEADER} header.`);
  }
}
