import {
  type ConsoleStatus,
  passwordChangeInputSchema,
  setupInputSchema,
  signInInputSchema,
} from '@rapport/protocol/schemas';
import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { ApiError, ConflictError } from '../errors';
import { clientIp } from '../middleware/client-ip';
import { refuseForeignOrigin, requireCsrf } from '../middleware/csrf';
import { clearSessionCookie, requireSession, setSessionCookie } from '../middleware/session';
import { parseBody } from '../parse-input';
import { hashPassword, verifyPassword } from '../people/passwords';
import { sessionBodyOf } from '../people/session-body';
import { authenticate } from '../people/sign-in';
import { recordAudit } from '../store/audit-log';
import { createSession, deleteSession, deleteUserSessions } from '../store/people/sessions';
import {
  createUser,
  hasUsers,
  passwordHashOf,
  setPasswordHash,
  type User,
} from '../store/people/users';

/** Starts a session for `user`, sets its cookie, and answers the `SessionBody`. */
export async function signInAs(c: Context<AppEnv>, deps: AppDeps, user: User, status: 200 | 201) {
  const { token, session } = await createSession(deps.store.db, user, deps.clock());
  setSessionCookie(c, deps, token);
  return c.json(await sessionBodyOf(deps.store.db, session), status);
}

/** First run, sign-in, sign-out, the session, and password change. */
export function consoleAuthRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  const ip = (c: Context<AppEnv>) => clientIp(c, deps.limits.trustProxy);
  return new Hono<AppEnv>()
    .get('/status', async (c) => {
      const status: ConsoleStatus = { hasOwner: await hasUsers(db) };
      return c.json(status);
    })
    .post('/setup', async (c) => {
      refuseForeignOrigin(c, deps);
      const input = await parseBody(c, setupInputSchema);
      await deps.console.signInPerIp(ip(c));
      if (await hasUsers(db)) throw new ConflictError('The owner account already exists.');
      if (!deps.console.useSetupToken(input.token)) {
        throw new ApiError(
          403,
          'invalid_setup_token',
          'This setup token is wrong or was used; the server prints it to its log at start.',
        );
      }
      const now = deps.clock();
      const user = await createUser(
        db,
        { email: input.email, name: input.name, passwordHash: await hashPassword(input.password) },
        now,
      );
      await recordAudit(
        db,
        { projectId: null, actor: { kind: 'teammate', userId: user.id }, action: 'sign_in' },
        now,
      );
      return signInAs(c, deps, user, 201);
    })
    .post('/sign-in', async (c) => {
      refuseForeignOrigin(c, deps);
      const input = await parseBody(c, signInInputSchema);
      const user = await authenticate(deps, input, ip(c));
      await recordAudit(
        db,
        { projectId: null, actor: { kind: 'teammate', userId: user.id }, action: 'sign_in' },
        deps.clock(),
      );
      return signInAs(c, deps, user, 200);
    })
    .post('/sign-out', async (c) => {
      const session = c.get('session');
      if (session) {
        requireCsrf(c, deps, session);
        await deleteSession(db, session.id);
      }
      clearSessionCookie(c, deps);
      return c.body(null, 204);
    })
    .get('/session', async (c) => c.json(await sessionBodyOf(db, requireSession(c))))
    .post('/password', async (c) => {
      const session = requireSession(c);
      requireCsrf(c, deps, session);
      const input = await parseBody(c, passwordChangeInputSchema);
      await deps.console.signInPerAccount(`user:${session.user.id}`);
      const stored = await passwordHashOf(db, session.user.id);
      if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
        throw new ApiError(403, 'invalid_credentials', 'The current password is wrong.');
      }
      const now = deps.clock();
      await setPasswordHash(db, session.user.id, await hashPassword(input.newPassword), now);
      // Every session ends, this one too: a stolen cookie dies with the old password.
      await deleteUserSessions(db, session.user.id);
      await recordAudit(
        db,
        {
          projectId: null,
          actor: { kind: 'teammate', userId: session.user.id },
          action: 'password_changed',
        },
        now,
      );
      return signInAs(c, deps, session.user, 200);
    });
}
