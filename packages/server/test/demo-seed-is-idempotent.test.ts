import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER_ID, DEMO_PROJECT } from '../src/demo/demo-project';
import { demoIdentityRoutes } from '../src/demo/identity-route';
import { seedDemo } from '../src/demo/seed-demo';
import { userHashOf } from '../src/identity';
import { staticFileRoutes } from '../src/static-files';
import { databases } from './helpers/databases';
import { send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const ORIGINS = ['http://localhost:8787', 'http://127.0.0.1:8787'];

describe.each(databases)('demo seed on $name', (database) => {
  const ctx = useTestApp(database);

  it('seeds a working demo once, and running it again adds nothing', async () => {
    await seedDemo(ctx.store, { allowedOrigins: ORIGINS, now: ctx.clock() });
    const count = async () =>
      (
        await sql<{ n: string | number }>`
          SELECT (SELECT count(*) FROM loyalty_ledger) + (SELECT count(*) FROM rewards)
            + (SELECT count(*) FROM surveys) + (SELECT count(*) FROM feedback_replies)
            + (SELECT count(*) FROM events) AS n`.execute(ctx.store.db)
      ).rows[0]?.n;
    const before = Number(await count());
    await seedDemo(ctx.store, { allowedOrigins: ORIGINS, now: ctx.clock() });
    expect(Number(await count())).toBe(before);

    const hash = userHashOf(DEMO_PROJECT.identitySecret, DEMO_CUSTOMER_ID);
    const opts = { key: DEMO_PROJECT.publishableKey, origin: 'http://localhost:8787' };
    const loyalty = await send(
      ctx.app,
      'GET',
      `/v1/loyalty?userId=${DEMO_CUSTOMER_ID}&userHash=${hash}`,
      undefined,
      opts,
    );
    expect(loyalty.status).toBe(200);
    expect(loyalty.body).toMatchObject({ balance: 670, tier: { name: 'Silver' } });
    expect(loyalty.body.rewards).toHaveLength(4);
    const inbox = await send(
      ctx.app,
      'GET',
      `/v1/inbox?userId=${DEMO_CUSTOMER_ID}&userHash=${hash}`,
      undefined,
      opts,
    );
    expect(inbox.body.threads[0].replies[0].author).toBe('team');
    const surveys = await send(
      ctx.app,
      'GET',
      '/v1/surveys/eligible?anonymousId=visitor-1',
      undefined,
      opts,
    );
    expect(surveys.body.surveys.map((s: { id: string }) => s.id)).toEqual(['demo-nps']);
  });
});

describe('demo identity route and static files', () => {
  it('signs only seeded demo customers', async () => {
    const app = demoIdentityRoutes('is_demo', [DEMO_CUSTOMER_ID]);
    const ok = await app.request(`/demo/identity?userId=${DEMO_CUSTOMER_ID}`);
    expect(await ok.json()).toEqual({
      userId: DEMO_CUSTOMER_ID,
      userHash: userHashOf('is_demo', DEMO_CUSTOMER_ID),
    });
    const other = await app.request('/demo/identity?userId=someone-else');
    expect(other.status).toBe(404);
  });

  it('answers a missing widget bundle or page with a 404 that says what to do', async () => {
    const app = staticFileRoutes({ rootDir: '/nonexistent-dir', widgetPath: '/nope/rapport.js' });
    app.onError((error, c) => c.json({ message: error.message }, 404));
    const widget = await app.request('/rapport.js');
    expect(widget.status).toBe(404);
    expect((await widget.json()).message).toContain('RAPPORT_WIDGET_PATH');
    const page = await app.request('/');
    expect((await page.json()).message).toContain('RAPPORT_STATIC_DIR');
    const traversal = await app.request('/../../etc/passwd');
    expect(traversal.status).toBe(404);
  });
});
