import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { silentLogger } from '../src/logger';
import { createPgliteStore, migrate, migrationNames } from '../src/store/index';
import type { Store } from '../src/store/store';
import { databases } from './helpers/databases';
import { useProxiedPostgres } from './helpers/proxied-postgres';
import { send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const postgresUrl = databases.some((d) => d.name === 'postgres')
  ? process.env.TEST_DATABASE_URL
  : undefined;

function appOver(store: Store) {
  return createApp({ store, logger: silentLogger, limits: { perKey: false, perIp: false } });
}

function expectNotReady(res: Awaited<ReturnType<typeof send>>) {
  expect(res.status, res.text).toBe(503);
  expect(res.body.error.code).toBe('unavailable');
  expect(typeof res.body.error.message).toBe('string');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

describe.each(databases)('/ready on $name', (database) => {
  const ctx = useTestApp(database);

  it('answers 200 once every migration file is applied, with no key', async () => {
    const res = await send(ctx.app, 'GET', '/ready', undefined, { key: null });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ ok: true });
  });

  it('answers 503 naming the migration a database lacks, and 200 once it is recorded', async () => {
    const last = (await migrationNames()).at(-1) as string;
    await sql`DELETE FROM rapport_migrations WHERE name = ${last}`.execute(ctx.store.db);
    try {
      const res = await send(ctx.app, 'GET', '/ready', undefined, { key: null });
      expectNotReady(res);
      expect(res.body.error.message).toContain(last);
    } finally {
      await sql`INSERT INTO rapport_migrations (name) VALUES (${last})`.execute(ctx.store.db);
    }
    expect((await send(ctx.app, 'GET', '/ready', undefined, { key: null })).status).toBe(200);
  });

  it('answers 503 for a database never migrated', async () => {
    await sql`ALTER TABLE rapport_migrations RENAME TO rapport_migrations_away`.execute(
      ctx.store.db,
    );
    try {
      const res = await send(ctx.app, 'GET', '/ready', undefined, { key: null });
      expectNotReady(res);
      expect(res.body.error.message).toContain(`${(await migrationNames()).length} migration`);
    } finally {
      await sql`ALTER TABLE rapport_migrations_away RENAME TO rapport_migrations`.execute(
        ctx.store.db,
      );
    }
  });

  it('keeps /health at 200 while not ready: liveness does not touch the database', async () => {
    await sql`ALTER TABLE rapport_migrations RENAME TO rapport_migrations_away`.execute(
      ctx.store.db,
    );
    try {
      expect((await send(ctx.app, 'GET', '/health', undefined, { key: null })).status).toBe(200);
    } finally {
      await sql`ALTER TABLE rapport_migrations_away RENAME TO rapport_migrations`.execute(
        ctx.store.db,
      );
    }
  });

  it.runIf(database.name === 'pglite')(
    'answers 503 within 2 s while a long transaction holds the single PGlite connection',
    async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const holder = ctx.store.db.transaction().execute(() => held);
      try {
        const startedAt = Date.now();
        const res = await send(ctx.app, 'GET', '/ready', undefined, { key: null });
        expect(Date.now() - startedAt).toBeLessThan(2_000);
        expectNotReady(res);
      } finally {
        release();
        await holder;
      }
    },
  );
});

describe('/ready when PGlite is gone', () => {
  it('answers 503 at once once the database is closed', async () => {
    const store = await createPgliteStore();
    await migrate(store);
    const app = appOver(store);
    expect((await send(app, 'GET', '/ready', undefined, { key: null })).status).toBe(200);
    await store.close();
    const startedAt = Date.now();
    const res = await send(app, 'GET', '/ready', undefined, { key: null });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expectNotReady(res);
  }, 60_000);
});

describe.skipIf(!postgresUrl)('/ready while PostgreSQL is away', () => {
  const db = useProxiedPostgres(postgresUrl, {
    statementTimeoutMs: 10_000,
    queryTimeoutMs: 12_000,
    connectTimeoutMs: 5_000,
  });

  it('answers 503 within 2 s when the database is silent, and 200 once it answers', async () => {
    const app = appOver(db.store);
    expect((await send(app, 'GET', '/ready', undefined, { key: null })).status).toBe(200);
    db.proxy.stall();
    try {
      const startedAt = Date.now();
      const res = await send(app, 'GET', '/ready', undefined, { key: null });
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expectNotReady(res);
    } finally {
      await db.proxy.restore();
    }
    await expect
      .poll(async () => (await send(app, 'GET', '/ready', undefined, { key: null })).status, {
        timeout: 15_000,
      })
      .toBe(200);
  }, 30_000);

  it('answers 503 within 2 s when the database is gone', async () => {
    const app = appOver(db.store);
    await db.proxy.cut();
    try {
      const startedAt = Date.now();
      const res = await send(app, 'GET', '/ready', undefined, { key: null });
      expect(Date.now() - startedAt).toBeLessThan(2_000);
      expectNotReady(res);
    } finally {
      await db.proxy.restore();
    }
  });
});
