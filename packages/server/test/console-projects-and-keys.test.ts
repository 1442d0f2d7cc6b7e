import { sql } from 'kysely';
import { describe, expect, it, vi } from 'vitest';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

vi.setConfig({ testTimeout: 60_000 });

const SHOP = 'https://my-shop.example';

describe.each(databases)('console projects and keys on $name', (database) => {
  const ctx = useTestApp(database, { console: { publicUrl: 'https://rapport.example' } });

  async function owner() {
    await addUser(ctx.store, 'owner@team.test');
    const browser = consoleBrowser(ctx.app, 'https://rapport.example');
    expect((await browser.signIn('owner@team.test')).status).toBe(200);
    const created = await browser.send('POST', '/v1/console/projects', {
      name: 'My Shop',
      allowedOrigins: [SHOP],
    });
    expect(created.status).toBe(201);
    return { browser, created: created.body };
  }

  it('creates a project with random keys, the secret shown once and stored hashed', async () => {
    const { browser, created } = await owner();
    expect(created.project).toMatchObject({
      name: 'My Shop',
      role: 'owner',
      allowedOrigins: [SHOP],
      publicUrl: 'https://rapport.example',
      settings: { surveyGlobalWaitDays: 14, identityVerificationRequired: false },
    });
    expect(created.project.publishableKey).toMatch(/^pk_[A-Za-z0-9_-]{43}$/);
    expect(created.project.identitySecret).toMatch(/^is_[A-Za-z0-9_-]{43}$/);
    expect(created.secretKey).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    const row = await ctx.store.db
      .selectFrom('projects')
      .selectAll()
      .where('id', '=', created.project.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(created.secretKey);
    const session = await browser.send('GET', '/v1/console/session');
    expect(session.body.projects).toEqual([
      { id: created.project.id, name: 'My Shop', role: 'owner' },
    ]);
    const view = await browser.send('GET', `/v1/console/projects/${created.project.id}`);
    expect(view.body).toEqual(created.project);
    const admin = await send(ctx.app, 'GET', '/v1/admin/surveys', undefined, {
      key: created.secretKey,
    });
    expect(admin.status).toBe(200);
    // Not a member: the project does not exist for this user.
    expect((await browser.send('GET', '/v1/console/projects/proj_test')).status).toBe(404);
  });

  it('refuses an origin with a path, naming it, and saves good ones', async () => {
    const { browser, created } = await owner();
    const path = `/v1/console/projects/${created.project.id}`;
    for (const bad of [
      'https://shop.example/path',
      'shop.example',
      'ftp://shop.example',
      'https://shop.example/',
    ]) {
      const answer = await browser.send('PATCH', path, { allowedOrigins: [bad] });
      expect(answer.status, bad).toBe(400);
      expect(answer.body.error.code).toBe('invalid_body');
      expect(answer.body.error.message).toContain(bad);
    }
    const good = await browser.send('PATCH', path, {
      allowedOrigins: ['https://shop.example', 'http://localhost:5173'],
    });
    expect(good.status).toBe(200);
    expect(good.body.allowedOrigins).toEqual(['https://shop.example', 'http://localhost:5173']);
    const audit = await browser.send('GET', `${path}/audit`);
    const actions = audit.body.items.map((item: { action: string }) => item.action);
    expect(actions.sort()).toEqual(['origins_changed', 'project_created', 'sign_in']);
    const changed = audit.body.items.find(
      (item: { action: string }) => item.action === 'origins_changed',
    );
    expect(changed).toMatchObject({
      action: 'origins_changed',
      actor: { email: 'owner@team.test' },
      details: { added: ['https://shop.example', 'http://localhost:5173'], removed: [SHOP] },
    });
  });

  it('keeps a rotated secret key working for 24 hours, then refuses it', async () => {
    const { browser, created } = await owner();
    const old = created.secretKey;
    const rotated = await browser.send(
      'POST',
      `/v1/console/projects/${created.project.id}/keys/rotate`,
      { key: 'secret' },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secretKey).toMatch(/^sk_/);
    expect(rotated.body.previousSecretKeyValidUntil).toBe(
      new Date(ctx.clock().getTime() + 86_400_000).toISOString(),
    );
    const asKey = (key: string) => send(ctx.app, 'GET', '/v1/admin/surveys', undefined, { key });
    expect((await asKey(old)).status).toBe(200);
    expect((await asKey(rotated.body.secretKey)).status).toBe(200);
    ctx.clock.advanceDays(1.01);
    expect((await asKey(old)).status).toBe(401);
    expect((await asKey(rotated.body.secretKey)).status).toBe(200);

    const pk = await browser.send(
      'POST',
      `/v1/console/projects/${created.project.id}/keys/rotate`,
      {
        key: 'publishable',
      },
    );
    const config = (key: string) => send(ctx.app, 'GET', '/v1/config', undefined, { key });
    expect((await config(created.project.publishableKey)).status).toBe(401);
    expect((await config(pk.body.publishableKey)).status).toBe(200);
  });

  it('changes the widget and settings that visitors get on their next load', async () => {
    const { browser, created } = await owner();
    const put = await browser.send('PUT', `/v1/console/projects/${created.project.id}/widget`, {
      widgetConfig: {
        theme: { mode: 'dark', accent: '#ff0066' },
        texts: { title: 'Hi' },
        textsByLocale: { fr: { title: 'Salut' } },
      },
      settings: { surveyGlobalWaitDays: 3 },
    });
    expect(put.status).toBe(200);
    expect(put.body.settings.surveyGlobalWaitDays).toBe(3);
    const config = await send(ctx.app, 'GET', '/v1/config', undefined, {
      key: created.project.publishableKey,
    });
    expect(config.body).toMatchObject({
      theme: { mode: 'dark', accent: '#ff0066' },
      texts: { title: 'Hi' },
      textsByLocale: { fr: { title: 'Salut' } },
      position: 'bottom-right',
    });
    const badLocale = await browser.send(
      'PUT',
      `/v1/console/projects/${created.project.id}/widget`,
      {
        widgetConfig: { textsByLocale: { 'fr-FR<script>': { title: 'x' } } },
      },
    );
    expect(badLocale.status).toBe(400);
    const bad = await browser.send('PUT', `/v1/console/projects/${created.project.id}/widget`, {
      widgetConfig: { position: 'top' },
    });
    expect(bad.status).toBe(400);
  });

  it('reports the first event, and deletes a project with every row only on typed confirmation', async () => {
    const { browser, created } = await owner();
    const id = created.project.id;
    const key = created.project.publishableKey;
    expect((await browser.send('GET', `/v1/console/projects/${id}/first-event`)).body).toEqual({
      received: false,
    });
    await send(ctx.app, 'POST', '/v1/batch', { messages: [message('page')] }, { key });
    await send(ctx.app, 'POST', '/v1/batch', { messages: [message('feedback')] }, { key });
    const first = await browser.send('GET', `/v1/console/projects/${id}/first-event`);
    expect(first.body).toMatchObject({ received: true, type: 'page' });

    const wrong = await browser.send('DELETE', `/v1/console/projects/${id}`, {
      confirm: 'my shop',
    });
    expect(wrong.status).toBe(400);
    const done = await browser.send('DELETE', `/v1/console/projects/${id}`, { confirm: 'My Shop' });
    expect(done.status).toBe(204);
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = 'project_id'`.execute(ctx.store.db);
    expect(tables.rows.length).toBeGreaterThan(10);
    for (const { table_name } of tables.rows) {
      const left = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.table(table_name)} WHERE project_id = ${id}`.execute(
        ctx.store.db,
      );
      expect(left.rows[0]?.n, table_name).toBe(0);
    }
    expect((await ctx.store.db.selectFrom('projects').select('id').execute()).length).toBe(2);
    expect((await send(ctx.app, 'GET', '/v1/config', undefined, { key })).status).toBe(401);
  });
});
