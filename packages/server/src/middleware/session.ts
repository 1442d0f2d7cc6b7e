import { SESSION_COOKIE } from '@rapport/protocol';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../app-env';
import { UnauthorizedError } from '../errors';
import { findSession, SESSION_IDLE_MS, type Session } from '../store/people/sessions';

/** True when the cookie must be `Secure`: the request came over https, or the app says so. */
function secureFor(c: Context, deps: AppDeps): boolean {
  return deps.console.cookieSecure || new URL(c.req.url).protocol === 'https:';
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, Secure over https. */
export function setSessionCookie(c: Context<AppEnv>, deps: AppDeps, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: secureFor(c, deps),
    maxAge: Math.floor(SESSION_IDLE_MS / 1000),
  });
}

/** Clears the session cookie (sign-out, or a cookie whose session has ended). */
export function clearSessionCookie(c: Context<AppEnv>, deps: AppDeps) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secureFor(c, deps), httpOnly: true });
}

/** A session token is base64url of 32 bytes; anything else is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Loads the session of the request's `rapport_session` cookie into `c.get('session')`
 * (undefined when there is none or it ended). Never refuses: routes decide.
 */
export function sessionContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    let session: Session | undefined;
    if (token && TOKEN_PATTERN.test(token)) {
      session = await findSession(deps.store.db, token, deps.clock());
      // The browser's Max-Age follows the sliding idle expiry.
      if (session?.refreshed) setSessionCookie(c, deps, token);
    }
    if (token && !session) clearSessionCookie(c, deps);
    c.set('session', session);
    await next();
  };
}

/** The request's session; 401 `unauthorized` when not signed in. */
export function requireSession(c: Context<AppEnv>): Session {
  const session = c.get('session');
  if (!session) throw new UnauthorizedError('Sign in first.');
  return session;
}
