import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger';
import { startWebhookWorker } from '../src/webhooks/worker';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message } from './helpers/requests';
import { useWebhookTestApp } from './helpers/webhook-app';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';

describe.each(databases)('the webhook worker on $name', (database) => {
  const ctx = useWebhookTestApp(database);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('delivers while running, and stops at once mid-attempt, giving the claim back', async () => {
    receiver.reset();
    await asSecretKey(ctx, 'POST', '/v1/admin/webhooks', {
      url: receiver.url,
      events: ['feedback.created'],
    });
    const worker = startWebhookWorker({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      allowPrivateDestinations: true,
      pollIntervalMs: 20,
    });
    try {
      await ingest(ctx, [message('feedback')]);
      await expect.poll(() => receiver.received.length, { timeout: 3_000 }).toBe(1);
      // The next receiver never answers: the attempt is in flight when the worker stops.
      let answered = false;
      receiver.answerNext(() => {
        answered = true;
      });
      await ingest(ctx, [message('feedback')]);
      await expect.poll(() => answered, { timeout: 3_000 }).toBe(true);
    } finally {
      const started = Date.now();
      await worker.stop();
      expect(Date.now() - started).toBeLessThan(1_000);
    }
    const rows = await ctx.store.db
      .selectFrom('webhook_deliveries')
      .select(['status', 'attempts', 'next_attempt_at'])
      .orderBy('status')
      .execute();
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([
      ['delivered', 1],
      // Untried: due again at once, for the next process.
      ['pending', 0],
    ]);
    expect(new Date(rows[1]?.next_attempt_at as Date).getTime()).toBe(ctx.clock().getTime());
  });
});
