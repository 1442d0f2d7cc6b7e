import { randomBytes } from 'node:crypto';
import type { Message } from '@rapport/protocol';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { classifyDatabaseError } from '../src/database-errors';
import { createIngestQueue } from '../src/ingest-queue';
import { silentLogger } from '../src/logger';
import { createPostgresStore, migrate, type Store } from '../src/store/index';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { createTcpProxy, type TcpProxy } from './helpers/tcp-proxy';
import { createTestClock, SK, seedProjects } from './helpers/test-app';

function appOver(store: Store) {
  return createApp({
    store,
    clock: createTestClock(),
    logger: silentLogger,
    limits: { perKey: false, perIp: false },
  });
}

/** 503 `unavailable` with Retry-After: the SDK keeps the batch and sends it again later. */
function expectUnavailable(res: Awaited<ReturnType<typeof send>>) {
  expect(res.status, res.text).toBe(503);
  expect(res.body.error.code).toBe('unavailable');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
}

const postgresUrl = databases.some((d) => d.name === 'postgres')
  ? process.env.TEST_DATABASE_URL
  : undefined;

/**
 * A PostgreSQL store in its own schema, reached through a TCP proxy the test can cut.
 * Registers its own beforeAll/afterAll; read the parts inside tests.
 */
function useStoreBehindProxy() {
  const url = new URL(postgresUrl ?? 'postgres://localhost');
  const schema = `rapport_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  const parts = { schema, admin } as {
    schema: string;
    admin: pg.Client;
    proxy: TcpProxy;
    store: Store;
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    parts.proxy = await createTcpProxy(url.hostname, Number(url.port || 5432));
    url.hostname = '127.0.0.1';
    url.port = String(parts.proxy.port);
    parts.store = createPostgresStore({ connectionString: url.toString(), schema });
    await migrate(parts.store);
    await seedProjects(parts.store);
  });
  afterAll(async () => {
    await parts.store?.close();
    await parts.proxy?.close();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });
  return parts;
}

describe.skipIf(!postgresUrl)('a PostgreSQL outage', () => {
  const db = useStoreBehindProxy();

  it('answers 503 unavailable while the database is gone, and stores the retry after', async () => {
    const app = appOver(db.store);
    // Warm the key caches, so the outage hits the ingest and admin queries themselves.
    expect((await send(app, 'POST', '/v1/batch', { messages: [message('page')] })).status).toBe(
      200,
    );
    expect((await send(app, 'GET', '/v1/admin/feedback', undefined, { key: SK })).status).toBe(200);

    await db.proxy.cut();
    const batch = { messages: [message('feedback', { message: 'sent during the outage' })] };
    expectUnavailable(await send(app, 'POST', '/v1/batch', batch));
    expectUnavailable(await send(app, 'GET', '/v1/admin/feedback', undefined, { key: SK }));
    expect((await send(app, 'GET', '/health', undefined, { key: null })).status).toBe(200);

    await db.proxy.restore();
    // Nothing of the refused batch was stored: its retry is accepted, not a duplicate.
    const retry = await send(app, 'POST', '/v1/batch', batch);
    expect(retry.body).toMatchObject({ accepted: 1, duplicates: 0, rejected: [] });
    const { rows } = await db.admin.query(`SELECT message FROM ${db.schema}.feedback`);
    expect(rows).toEqual([{ message: 'sent during the outage' }]);
  });
});

describe.skipIf(!postgresUrl)('a connection lost before a grouped statement is answered', () => {
  // Shares nothing with the suite above: its own proxy, schema and store.
  const db = useStoreBehindProxy();

  it('fails every batch of the group (503), instead of retrying and calling them duplicates', async () => {
    const track = (id: string) => ({
      message: message('track', { id }) as Message,
      at: '2026-03-02T11:00:00.000Z',
    });
    const received = new Date('2026-03-02T12:00:00.000Z');
    const queue = createIngestQueue(db.store.db, { maxInFlight: 1 });
    db.proxy.dropAnswerTo('lost-answer');
    // `first` occupies the queue, so the next two batches are written by one statement.
    const first = queue.ingest('proj_test', [track('first')], received);
    const outcome = (promise: Promise<number>) =>
      promise.then(
        (accepted) => ({ accepted }),
        (error: unknown) => ({ failure: classifyDatabaseError(error) }),
      );
    const grouped = await Promise.all([
      outcome(queue.ingest('proj_test', [track('a1'), track('lost-answer')], received)),
      outcome(queue.ingest('proj_test', [track('b1')], received)),
    ]);
    expect(await first).toBe(1);
    // The statement committed, but nobody can know: the requests are answered 503, and the
    // SDK's retry then learns they are stored (duplicates) — nothing counted twice or lost.
    expect(grouped).toEqual([{ failure: 'unavailable' }, { failure: 'unavailable' }]);
    const { rows } = await db.admin.query(`SELECT id FROM ${db.schema}.events ORDER BY id`);
    expect(rows.map((row: { id: string }) => row.id)).toEqual(['a1', 'b1', 'first', 'lost-answer']);
    expect(await queue.ingest('proj_test', [track('b1')], received)).toBe(0);
  });
});

describe('a PGlite store that is closed', () => {
  const pglite = databases.find((d) => d.name === 'pglite');

  it('answers 503 unavailable, not 500', async () => {
    const opened = await pglite?.open();
    if (!opened) throw new Error('PGlite is always available');
    await seedProjects(opened.store);
    const app = appOver(opened.store);
    expect((await send(app, 'POST', '/v1/batch', { messages: [message('page')] })).status).toBe(
      200,
    );
    await opened.store.close();
    expectUnavailable(await send(app, 'POST', '/v1/batch', { messages: [message('page')] }));
  }, 30_000);
});
