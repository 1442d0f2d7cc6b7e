import { describe, expect, it, vi } from 'vitest';
import { roleForAdminRoute } from '../src/middleware/admin-roles';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

vi.setConfig({ testTimeout: 60_000 });

const PROJECT = { 'x-rapport-project': 'proj_test' };

describe.each(databases)('roles on the admin API and console on $name', (database) => {
  const ctx = useTestApp(database);

  async function signedIn(role: 'member' | 'admin' | 'owner') {
    await addUser(ctx.store, `${role}@team.test`, { projectId: 'proj_test', role });
    const browser = consoleBrowser(ctx.app);
    expect((await browser.signIn(`${role}@team.test`)).status).toBe(200);
    return browser;
  }

  it('lets a member read and reply with the cookie, and refuses key rotation and survey writes', async () => {
    await send(ctx.app, 'POST', '/v1/batch', { messages: [message('feedback', { id: 'fb-1' })] });
    const member = await signedIn('member');
    const list = await member.send('GET', '/v1/admin/feedback', undefined, PROJECT);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual(['fb-1']);
    const reply = await member.send(
      'POST',
      '/v1/admin/feedback/fb-1/replies',
      { body: 'Thanks!' },
      PROJECT,
    );
    expect(reply.status).toBe(201);
    const rotate = await member.send('POST', '/v1/console/projects/proj_test/keys/rotate', {
      key: 'secret',
    });
    expect(rotate.status).toBe(403);
    expect(rotate.body.error).toMatchObject({ code: 'forbidden' });
    expect(rotate.body.error.message).toContain('owner');
    const survey = await member.send(
      'POST',
      '/v1/admin/surveys',
      { id: 's1', name: 'S', type: 'nps', question: 'Q?' },
      PROJECT,
    );
    expect(survey.status).toBe(403);
    const erase = await member.send(
      'DELETE',
      '/v1/admin/customers/user-1',
      { confirm: 'user-1' },
      PROJECT,
    );
    expect(erase.status).toBe(403);
    // The project view hides the identity secret from members.
    const view = await member.send('GET', '/v1/console/projects/proj_test');
    expect(view.body.role).toBe('member');
    expect(view.body.identitySecret).toBeUndefined();
  });

  it('lets an admin manage surveys and the widget but not keys, origins or the team', async () => {
    const admin = await signedIn('admin');
    const survey = await admin.send(
      'POST',
      '/v1/admin/surveys',
      { id: 's1', name: 'S', type: 'nps', question: 'Q?' },
      PROJECT,
    );
    expect(survey.status).toBe(201);
    const widget = await admin.send('PUT', '/v1/console/projects/proj_test/widget', {
      widgetConfig: { position: 'bottom-left' },
    });
    expect(widget.status).toBe(200);
    expect(widget.body.identitySecret).toBe('is_test');
    for (const [method, path, body] of [
      ['POST', '/v1/console/projects/proj_test/keys/rotate', { key: 'publishable' }],
      ['PATCH', '/v1/console/projects/proj_test', { allowedOrigins: [] }],
      ['GET', '/v1/console/projects/proj_test/members', undefined],
      ['GET', '/v1/console/projects/proj_test/audit', undefined],
    ] as const) {
      expect((await admin.send(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
  });

  it('lets an owner rotate keys, and keeps cookie writes CSRF-checked on the admin API', async () => {
    const owner = await signedIn('owner');
    const rotate = await owner.send('POST', '/v1/console/projects/proj_test/keys/rotate', {
      key: 'publishable',
    });
    expect(rotate.status).toBe(200);
    const foreign = await owner.send(
      'POST',
      '/v1/admin/surveys',
      { id: 's1', name: 'S', type: 'nps', question: 'Q?' },
      { ...PROJECT, origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('csrf_failed');
    const other = await owner.send('GET', '/v1/admin/feedback', undefined, {
      'x-rapport-project': 'proj_other',
    });
    expect(other.status).toBe(403);
    const noProject = await owner.send('GET', '/v1/admin/feedback');
    expect(noProject.status).toBe(403);
  });

  it('keeps the secret key working as owner, and refuses it from a browser origin', async () => {
    const erase = await send(ctx.app, 'GET', '/v1/admin/surveys', undefined, { key: SK });
    expect(erase.status).toBe(200);
    const fromPage = await send(ctx.app, 'GET', '/v1/admin/surveys', undefined, {
      key: SK,
      origin: 'http://localhost',
    });
    expect(fromPage.status).toBe(403);
  });
});

describe('the admin role table', () => {
  it.each([
    ['GET', '/v1/admin/feedback', 'member'],
    ['PATCH', '/v1/admin/feedback/fb-1', 'member'],
    ['POST', '/v1/admin/feedback/fb-1/replies', 'member'],
    ['POST', '/v1/admin/feedback/fb-1/notes', 'member'],
    ['PUT', '/v1/admin/feedback/fb-1/tags', 'member'],
    ['POST', '/v1/admin/surveys', 'admin'],
    ['PUT', '/v1/admin/loyalty/tiers', 'admin'],
    ['POST', '/v1/admin/webhooks', 'admin'],
    ['POST', '/v1/admin/some-future-route', 'admin'],
    ['DELETE', '/v1/admin/customers/u-1', 'owner'],
  ])('%s %s needs %s', (method, path, role) => {
    expect(roleForAdminRoute(method, path)).toBe(role);
  });
});
