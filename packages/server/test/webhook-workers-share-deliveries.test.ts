import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger';
import { createPostgresStore, type Store } from '../src/store/index';
import { createWebhookSender } from '../src/webhooks/worker';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message } from './helpers/requests';
import { useWebhookTestApp } from './helpers/webhook-app';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';

const EVENTS = 60;

describe.each(databases)('two webhook workers on $name', (database) => {
  const ctx = useWebhookTestApp(database);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  /** A second instance: its own store (own pool) on the same database and schema. */
  async function secondStore(): Promise<{ store: Store; close(): Promise<void> }> {
    if (ctx.store.kind === 'pglite') return { store: ctx.store, close: async () => {} };
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(
      ctx.store.db,
    );
    const store = createPostgresStore({
      connectionString: process.env.TEST_DATABASE_URL as string,
      schema: rows[0]?.schema,
    });
    return { store, close: () => store.close() };
  }

  it('deliver each event exactly once between them', async () => {
    receiver.reset();
    // A slow receiver keeps claims open while the other worker polls.
    for (let i = 0; i < EVENTS; i += 1) {
      receiver.answerNext((_req, res) => {
        setTimeout(() => res.end('ok'), 20).unref();
      });
    }
    await asSecretKey(ctx, 'POST', '/v1/admin/webhooks', {
      url: receiver.url,
      events: ['feedback.created'],
    });
    await ingest(
      ctx,
      Array.from({ length: EVENTS }, () => message('feedback')),
    );
    const other = await secondStore();
    try {
      const options = {
        clock: ctx.clock,
        logger: silentLogger,
        allowPrivateDestinations: true,
        batchSize: 7,
      };
      const workers = [
        createWebhookSender({ ...options, store: ctx.store }),
        createWebhookSender({ ...options, store: other.store }),
      ];
      const sent = [0, 0];
      // Both drain at once until neither finds work.
      await Promise.all(
        workers.map(async (worker, index) => {
          for (;;) {
            const count = await worker.deliverDue();
            if (count === 0) return;
            sent[index] = (sent[index] ?? 0) + count;
          }
        }),
      );
      const ids = receiver.received.map((got) => got.headers['webhook-id']);
      expect(ids).toHaveLength(EVENTS);
      expect(new Set(ids).size).toBe(EVENTS);
      expect((sent[0] ?? 0) + (sent[1] ?? 0)).toBe(EVENTS);
      if (ctx.store.kind === 'postgres') {
        // Both took part: the claims were shared, not serialised behind one worker.
        expect(sent.every((count) => count > 0)).toBe(true);
      }
      const states = await ctx.store.db
        .selectFrom('webhook_deliveries')
        .select(['status', 'attempts'])
        .execute();
      expect(states.every((row) => row.status === 'delivered' && row.attempts === 1)).toBe(true);
    } finally {
      await other.close();
    }
  });
});
