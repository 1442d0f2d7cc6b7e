import { createHmac } from 'node:crypto';
import type { Role } from '@rapport/protocol';
import { Hono } from 'hono';
import type { Actor, AppDeps, AppEnv } from '../../src/app-env';
import { isApiError } from '../../src/errors';
import { adminCustomerRoutes } from '../../src/routes/admin-customers';
import { adminFeedbackRoutes } from '../../src/routes/admin-feedback';
import type { Store } from '../../src/store/index';
import { findProjectById } from '../../src/store/projects';
import { send } from './requests';
import { IDENTITY_SECRET, SK, type TestAppContext } from './test-app';

/** The userHash a site's backend computes (HMAC-SHA256 under the identity secret, hex). */
export function userHashOf(userId: string): string {
  return createHmac('sha256', IDENTITY_SECRET).update(userId).digest('hex');
}

/** Sends messages through the public batch API and checks every one was accepted. */
export async function ingest(ctx: TestAppContext, messages: Record<string, unknown>[]) {
  for (let start = 0; start < messages.length; start += 100) {
    const chunk = messages.slice(start, start + 100);
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: chunk });
    if (res.status !== 200 || res.body.rejected.length > 0) {
      throw new Error(`batch refused: ${res.status} ${res.text}`);
    }
  }
}

/** Creates one running survey per `[id, type]`, each asking "How are we doing?". */
export async function createSurveys(
  ctx: TestAppContext,
  surveys: [id: string, type: 'nps' | 'csat'][],
): Promise<void> {
  for (const [id, type] of surveys) {
    const res = await asSecretKey(ctx, 'POST', '/v1/admin/surveys', {
      id,
      name: id,
      type,
      question: 'How are we doing?',
    });
    if (res.status !== 201) throw new Error(`survey ${id} refused: ${res.status} ${res.text}`);
  }
}

/** A request to the admin API with the secret key. */
export function asSecretKey(ctx: TestAppContext, method: string, path: string, body?: unknown) {
  return send(ctx.app, method, path, body, { key: SK });
}

/** Adds a teammate of the test project with a role. */
export async function addTeammate(store: Store, userId: string, name: string, role: Role) {
  const at = new Date('2026-01-01T00:00:00.000Z');
  await store.db
    .insertInto('users')
    .values({
      id: userId,
      email: `${userId}@team.test`,
      name,
      password_hash: 'x',
      created_at: at,
      password_changed_at: at,
    })
    .execute();
  await store.db
    .insertInto('memberships')
    .values({ project_id: 'proj_test', user_id: userId, role, created_at: at })
    .execute();
  return { kind: 'teammate', userId, email: `${userId}@team.test`, name, role } as const;
}

/**
 * The inbox and customers routes as a teammate reaches them: the project and the actor set
 * the way the admin guard sets them for a console session, and errors answered the way the
 * app answers them. Sessions themselves are tested with the console routes.
 */
export function teammateApp(ctx: TestAppContext, actor: Actor) {
  const deps = {
    store: ctx.store,
    clock: ctx.clock,
    limits: { maxBodyBytes: 64 * 1024 },
  } as unknown as AppDeps;
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    const project = await findProjectById(ctx.store.db, 'proj_test');
    if (!project) throw new Error('test project missing');
    c.set('project', project);
    c.set('actor', actor);
    await next();
  });
  // Mounted where the admin API mounts them: their paths are relative to /v1/admin.
  app.route('/v1/admin', adminFeedbackRoutes(deps));
  app.route('/v1/admin', adminCustomerRoutes(deps));
  app.onError((error, c) => {
    if (!isApiError(error)) throw error;
    return c.json(error.toBody(), error.status);
  });
  return (method: string, path: string, body?: unknown) =>
    send(app, method, path, body, { key: null });
}
