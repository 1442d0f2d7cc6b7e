import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger';
import { createWebhookSender, type WebhookSender } from '../src/webhooks/worker';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message } from './helpers/requests';
import { useWebhookTestApp } from './helpers/webhook-app';
import { startWebhookReceiver, status, type WebhookReceiver } from './helpers/webhook-receiver';

describe.each(databases)('webhook retries on $name', (database) => {
  const ctx = useWebhookTestApp(database);
  let receiver: WebhookReceiver;
  let sender: WebhookSender;
  let endpointId: string;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(async () => {
    receiver.reset();
    sender = createWebhookSender({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      allowPrivateDestinations: true,
      timeoutMs: 300,
    });
    const created = await asSecretKey(ctx, 'POST', '/v1/admin/webhooks', {
      url: receiver.url,
      events: ['feedback.created'],
    });
    endpointId = created.body.id;
  });
  const advance = (ms: number) => ctx.clock.set(new Date(ctx.clock().getTime() + ms).toISOString());
  const log = async () =>
    (await asSecretKey(ctx, 'GET', `/v1/admin/webhooks/${endpointId}/deliveries`)).body.items;

  it('sends the event again after a 500, with the same webhook-id, 5 s later', async () => {
    receiver.answerNext(status(500, 'database down'));
    await ingest(ctx, [message('feedback')]);
    expect(await sender.deliverDue()).toBe(1);
    const [failed] = await log();
    expect(failed).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      responseExcerpt: 'database down',
      nextAttemptAt: new Date(ctx.clock().getTime() + 5_000).toISOString(),
    });
    // Not due yet: nothing is sent before the backoff has passed.
    advance(4_999);
    expect(await sender.deliverDue()).toBe(0);
    advance(1);
    expect(await sender.deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(second?.body).toBe(first?.body);
    expect(Number(second?.headers['webhook-timestamp'])).toBe(
      Number(first?.headers['webhook-timestamp']) + 5,
    );
    expect(await log()).toMatchObject([
      { status: 'delivered', attempts: 2, lastStatusCode: 200, nextAttemptAt: null },
    ]);
    expect(await sender.deliverDue()).toBe(0);
  });

  it('gives up after 8 attempts over about a day, and redelivers on request', async () => {
    const failures = Array.from({ length: 8 }, () => status(503));
    receiver.answerNext(...failures);
    await ingest(ctx, [message('feedback')]);
    const start = ctx.clock().getTime();
    for (let attempt = 1; attempt <= 8; attempt += 1) {
      expect(await sender.deliverDue()).toBe(1);
      const [row] = await log();
      if (row.nextAttemptAt) ctx.clock.set(row.nextAttemptAt);
    }
    const hours = (ctx.clock().getTime() - start) / 3_600_000;
    expect(hours).toBeGreaterThan(20);
    expect(hours).toBeLessThan(26);
    const [gaveUp] = await log();
    expect(gaveUp).toMatchObject({ status: 'failed', attempts: 8, nextAttemptAt: null });
    advance(86_400_000);
    expect(await sender.deliverDue()).toBe(0);

    const again = await asSecretKey(
      ctx,
      'POST',
      `/v1/admin/webhooks/${endpointId}/deliveries/${gaveUp.id}/redeliver`,
    );
    expect(again.status).toBe(202);
    expect(await sender.deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(9);
    expect(new Set(receiver.received.map((got) => got.headers['webhook-id'])).size).toBe(1);
    expect(await log()).toMatchObject([{ status: 'delivered', attempts: 1 }]);
  });

  it('does not follow a redirect, and retries a receiver too slow to answer', async () => {
    receiver.answerNext((_req, res) => {
      res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    await ingest(ctx, [message('feedback')]);
    await sender.deliverDue();
    expect(receiver.received).toHaveLength(1);
    expect(await log()).toMatchObject([
      { status: 'pending', lastStatusCode: 307, lastError: 'redirects are not followed' },
    ]);

    receiver.answerNext((_req, res) => {
      setTimeout(() => res.end('late'), 2_000).unref();
    });
    advance(5_000);
    const started = Date.now();
    await sender.deliverDue();
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await log()).toMatchObject([
      { status: 'pending', attempts: 2, lastStatusCode: null, lastError: 'timed out after 300 ms' },
    ]);
    advance(60_000);
    await sender.deliverDue();
    expect(await log()).toMatchObject([{ status: 'delivered', attempts: 3 }]);
  });

  it('disables an endpoint failing for 5 days, with a reason the API shows', async () => {
    receiver.answerNext(...Array.from({ length: 100 }, () => status(500)));
    for (let day = 0; day <= 5; day += 1) {
      await ingest(ctx, [message('feedback')]);
      await sender.deliverDue();
      if (day < 5) ctx.clock.advanceDays(1);
    }
    const endpoint = await asSecretKey(ctx, 'GET', `/v1/admin/webhooks/${endpointId}`);
    expect(endpoint.body).toMatchObject({
      enabled: false,
      disabledReason: expect.stringContaining('failed for 5 days'),
      failingSince: '2026-03-02T12:00:00.000Z',
    });
    // Nothing is sent to it any more, and nothing new is queued for it.
    ctx.clock.advanceDays(1);
    expect(await sender.deliverDue()).toBe(0);
    const audit = await ctx.store.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'actor_kind'])
      .where('action', '=', 'webhook_disabled')
      .execute();
    expect(audit).toEqual([
      { action: 'webhook_disabled', target: endpointId, actor_kind: 'system' },
    ]);
    const enabled = await asSecretKey(ctx, 'PATCH', `/v1/admin/webhooks/${endpointId}`, {
      enabled: true,
    });
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    // Six simulated days of ingest and delivery rounds: about 5 s on PostgreSQL on a shared core.
  }, 20_000);

  it('prunes delivered and failed entries after 30 days, never pending ones', async () => {
    receiver.answerNext(status(200), status(500));
    await ingest(ctx, [message('feedback'), message('feedback')]);
    await sender.deliverDue();
    ctx.clock.advanceDays(29);
    expect(await sender.pruneLog()).toBe(0);
    ctx.clock.advanceDays(2);
    expect(await sender.pruneLog()).toBe(1);
    expect(await log()).toMatchObject([{ status: 'pending', attempts: 1 }]);
  });
});
