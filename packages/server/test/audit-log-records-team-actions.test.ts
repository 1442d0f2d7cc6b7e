import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../src/app-env';
import { ApiError } from '../src/errors';
import { requireRole } from '../src/middleware/require-role';
import { listAudit, recordAudit } from '../src/store/audit-log';
import { databases } from './helpers/databases';
import { useTestApp } from './helpers/test-app';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 12, minute));

describe.each(databases)('audit log on $name', (database) => {
  const ctx = useTestApp(database);

  async function addUser(id: string, projectId?: string) {
    await ctx.store.db
      .insertInto('users')
      .values({
        id,
        email: `${id}@team.test`,
        name: `Name ${id}`,
        password_hash: 'x',
        created_at: at(0),
        password_changed_at: at(0),
      })
      .execute();
    if (projectId) {
      await ctx.store.db
        .insertInto('memberships')
        .values({ project_id: projectId, user_id: id, role: 'member', created_at: at(0) })
        .execute();
    }
  }

  it('reads a project’s entries newest first in pages, with members’ sign-ins and actors', async () => {
    await addUser('u1', 'proj_test');
    await addUser('u2', 'proj_other');
    const teammate = {
      kind: 'teammate',
      userId: 'u1',
      email: 'u1@team.test',
      name: 'Name u1',
      role: 'owner',
    } as const;
    await recordAudit(ctx.store.db, { projectId: null, actor: teammate, action: 'sign_in' }, at(1));
    await recordAudit(
      ctx.store.db,
      { projectId: null, actor: { ...teammate, userId: 'u2' }, action: 'sign_in' },
      at(2),
    );
    await recordAudit(
      ctx.store.db,
      {
        projectId: 'proj_test',
        actor: { kind: 'secret_key' },
        action: 'key_rotated',
        target: 'secret',
      },
      at(3),
    );
    await recordAudit(
      ctx.store.db,
      { projectId: 'proj_other', actor: null, action: 'project_created' },
      at(4),
    );
    await recordAudit(
      ctx.store.db,
      {
        projectId: 'proj_test',
        actor: teammate,
        action: 'feedback_status_changed',
        target: 'fb-1',
        details: { status: 'resolved' },
      },
      at(5),
    );

    const first = await listAudit(ctx.store.db, 'proj_test', { limit: 2 });
    expect(first.items.map((item) => item.action)).toEqual([
      'feedback_status_changed',
      'key_rotated',
    ]);
    expect(first.items[0]).toMatchObject({
      actor: { userId: 'u1', email: 'u1@team.test', name: 'Name u1' },
      target: 'fb-1',
      details: { status: 'resolved' },
      at: at(5).toISOString(),
    });
    expect(first.items[1]?.actor).toEqual({ kind: 'secret_key' });
    expect(first.nextCursor).toBeTypeOf('string');
    const { decodeCursor } = await import('../src/cursor');
    const second = await listAudit(ctx.store.db, 'proj_test', {
      limit: 2,
      after: decodeCursor(first.nextCursor as string),
    });
    // u2's sign-in belongs to another project's member and proj_other's entry to another
    // project: neither shows here.
    expect(second.items.map((item) => item.action)).toEqual(['sign_in']);
    expect(second.items[0]?.actor).toMatchObject({ userId: 'u1' });
    expect(second.nextCursor).toBeUndefined();
  });
});

describe('requireRole', () => {
  const app = new Hono<AppEnv>();
  app.get('/:role/:needed', (c) => {
    const role = c.req.param('role');
    c.set(
      'actor',
      role === 'key'
        ? { kind: 'secret_key' }
        : {
            kind: 'teammate',
            userId: 'u',
            email: 'e',
            name: 'n',
            role: role as 'member' | 'admin' | 'owner',
          },
    );
    requireRole(c, c.req.param('needed') as 'member' | 'admin' | 'owner');
    return c.text('ok');
  });
  app.onError((error, c) =>
    error instanceof ApiError ? c.json(error.toBody(), error.status) : c.text('boom', 500),
  );

  it.each([
    ['member', 'member', 200],
    ['member', 'admin', 403],
    ['admin', 'admin', 200],
    ['admin', 'owner', 403],
    ['owner', 'owner', 200],
    ['key', 'owner', 200],
  ])('%s needing %s → %i', async (role, needed, status) => {
    const response = await app.request(`/${role}/${needed}`);
    expect(response.status).toBe(status);
    if (status === 403) {
      expect(await response.json()).toMatchObject({
        error: { code: 'forbidden', message: expect.stringContaining(needed) },
      });
    }
  });
});
