import type { Message } from '@rapport/protocol';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { classifyDatabaseError } from '../src/database-errors';
import { isApiError } from '../src/errors';
import { createIngestQueue } from '../src/ingest-queue';
import { silentLogger } from '../src/logger';
import { databases } from './helpers/databases';
import { useProxiedPostgres } from './helpers/proxied-postgres';
import { message, send } from './helpers/requests';
import { createTestClock, SK } from './helpers/test-app';

const postgresUrl = databases.some((d) => d.name === 'postgres')
  ? process.env.TEST_DATABASE_URL
  : undefined;

/** Short bounds, so the test sees them pass in about a second. */
const TIMEOUTS = { statementTimeoutMs: 400, queryTimeoutMs: 600, connectTimeoutMs: 600 };
/** What a request may take while the database is silent: query timeout, reconnect, slack. */
const ANSWER_BOUND_MS = 3_000;

const received = new Date('2026-03-02T12:00:00.000Z');
const track = (id: string) => ({
  message: message('track', { id }) as Message,
  at: '2026-03-02T11:00:00.000Z',
});

/** Settles a promise into what the client would be answered, and when. */
async function outcome(promise: Promise<number>, startedAt = Date.now()) {
  try {
    return { accepted: await promise, ms: Date.now() - startedAt };
  } catch (error) {
    const status = isApiError(error) ? error.status : undefined;
    return { failure: classifyDatabaseError(error) ?? status, ms: Date.now() - startedAt };
  }
}

describe.skipIf(!postgresUrl)('a PostgreSQL that stops answering, behind the app', () => {
  const db = useProxiedPostgres(postgresUrl, TIMEOUTS);

  it('answers 503 with Retry-After within the bound, then serves again once it is back', async () => {
    const app = createApp({
      store: db.store,
      clock: createTestClock(),
      logger: silentLogger,
      limits: { perKey: false, perIp: false },
    });
    // Warm the key caches and the pool, so the silence hits open connections.
    expect((await send(app, 'POST', '/v1/batch', { messages: [message('page')] })).status).toBe(
      200,
    );
    expect((await send(app, 'GET', '/v1/admin/surveys', undefined, { key: SK })).status).toBe(200);

    db.proxy.stall();
    const batches = Array.from({ length: 8 }, (_, i) => ({
      messages: [message('track', { id: `silent-${i}` })],
    }));
    const startedAt = Date.now();
    const answers = await Promise.all([
      ...batches.map((batch) => send(app, 'POST', '/v1/batch', batch)),
      send(app, 'GET', '/v1/admin/surveys', undefined, { key: SK }),
    ]);
    const elapsed = Date.now() - startedAt;
    for (const answer of answers) {
      expect(answer.status, answer.text).toBe(503);
      expect(answer.body.error.code).toBe('unavailable');
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(elapsed).toBeLessThan(ANSWER_BOUND_MS);

    await db.proxy.restore();
    // The stuck statements were given up and their connections replaced: the retries go
    // through, each message stored exactly once (a refused statement may still have landed
    // when the stall ended; its retry then counts it as a duplicate, never twice).
    for (const batch of batches) {
      const retry = await send(app, 'POST', '/v1/batch', batch);
      expect(retry.status, retry.text).toBe(200);
      expect(retry.body.accepted + retry.body.duplicates).toBe(1);
    }
    const { rows } = await db.admin.query(
      `SELECT count(*)::int AS n FROM ${db.schema}.events WHERE id LIKE 'silent-%'`,
    );
    expect(rows[0].n).toBe(8);
    expect((await send(app, 'GET', '/v1/admin/surveys', undefined, { key: SK })).status).toBe(200);
  }, 20_000);

  it('classifies a statement cancelled by statement_timeout as unavailable', async () => {
    const failure = await db.store.db
      .selectNoFrom((eb) => eb.fn('pg_sleep', [eb.val(2)]).as('slept'))
      .execute()
      .then(
        () => 'answered',
        (error: unknown) => ({
          code: (error as { code?: string }).code,
          kind: classifyDatabaseError(error),
        }),
      );
    expect(failure).toEqual({ code: '57014', kind: 'unavailable' });
  });
});

describe.skipIf(!postgresUrl)('the ingest queue in front of a silent PostgreSQL', () => {
  const db = useProxiedPostgres(postgresUrl, TIMEOUTS);

  it('refuses batches that wait too long or would overfill it, and drains once the statement times out', async () => {
    const queue = createIngestQueue(db.store.db, {
      maxInFlight: 1,
      maxWaitMs: 200,
      maxPendingRows: 2,
    });
    expect(await queue.ingest('proj_test', [track('warm')], received)).toBe(1);

    db.proxy.stall();
    const startedAt = Date.now();
    const inFlight = outcome(queue.ingest('proj_test', [track('q-a')], received), startedAt);
    const waiting = [
      outcome(queue.ingest('proj_test', [track('q-b')], received), startedAt),
      outcome(queue.ingest('proj_test', [track('q-c')], received), startedAt),
    ];
    // Two rows wait already: a third would pass maxPendingRows, so it is refused at once.
    const overflow = await outcome(queue.ingest('proj_test', [track('q-d')], received), startedAt);
    expect(overflow).toMatchObject({ failure: 503 });
    expect(overflow.ms).toBeLessThan(100);
    // The waiting batches are refused at maxWaitMs, before the statement in flight gives up.
    for (const result of await Promise.all(waiting)) {
      expect(result).toMatchObject({ failure: 503 });
      expect(result.ms).toBeGreaterThanOrEqual(150);
      expect(result.ms).toBeLessThan(TIMEOUTS.queryTimeoutMs);
    }
    // The statement in flight fails by the query timeout instead of holding the queue forever.
    const stuck = await inFlight;
    expect(stuck).toMatchObject({ failure: 'unavailable' });
    expect(stuck.ms).toBeLessThan(ANSWER_BOUND_MS);

    await db.proxy.restore();
    const recovered = await outcome(queue.ingest('proj_test', [track('q-after')], received));
    expect(recovered).toMatchObject({ accepted: 1 });
    expect(recovered.ms).toBeLessThan(1_000);
    // The refused batches were never written: their retries are new.
    for (const id of ['q-b', 'q-c', 'q-d']) {
      expect(await queue.ingest('proj_test', [track(id)], received)).toBe(1);
    }
  }, 20_000);
});
