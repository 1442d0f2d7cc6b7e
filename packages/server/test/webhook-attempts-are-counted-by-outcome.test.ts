import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger';
import { createWebhookMetrics } from '../src/metrics';
import { createWebhookSender } from '../src/webhooks/worker';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message } from './helpers/requests';
import { useWebhookTestApp } from './helpers/webhook-app';
import { startWebhookReceiver, status, type WebhookReceiver } from './helpers/webhook-receiver';

/** The value of one sample line of the Prometheus text, or undefined when it is absent. */
function sample(text: string, line: string): number | undefined {
  const found = text.split('\n').find((row) => row.startsWith(`${line} `));
  return found === undefined ? undefined : Number(found.slice(line.length + 1));
}

// Outcomes are the worker's, not the database's: PGlite alone is enough here.
const pglite = databases[0] as (typeof databases)[number];

describe('webhook delivery metrics', () => {
  const ctx = useWebhookTestApp(pglite);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('counts attempts by outcome, times them, and names no endpoint or URL', async () => {
    const registry = new Registry();
    const metrics = createWebhookMetrics(registry);
    const sender = createWebhookSender({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      allowPrivateDestinations: true,
      timeoutMs: 300,
      retryDelaysMs: [0, 0, 0],
      metrics,
    });
    await asSecretKey(ctx, 'POST', '/v1/admin/webhooks', {
      url: receiver.url,
      events: ['feedback.created'],
    });
    // A 500, then no answer within the timeout, then a 200: one event, three attempts.
    receiver.answerNext(status(500, 'down'), () => {});
    await ingest(ctx, [message('feedback')]);
    expect(await sender.deliverDue()).toBe(1);
    expect(await sender.deliverDue()).toBe(1);
    expect(await sender.deliverDue()).toBe(1);
    expect(receiver.received).toHaveLength(3);

    const text = await registry.metrics();
    expect(sample(text, 'rapport_webhook_attempts_total{outcome="rejected"}')).toBe(1);
    expect(sample(text, 'rapport_webhook_attempts_total{outcome="timeout"}')).toBe(1);
    expect(sample(text, 'rapport_webhook_attempts_total{outcome="delivered"}')).toBe(1);
    expect(sample(text, 'rapport_webhook_attempts_total{outcome="unreachable"}')).toBeUndefined();
    expect(sample(text, 'rapport_webhook_attempt_duration_seconds_count{outcome="timeout"}')).toBe(
      1,
    );
    // The timed-out attempt took at least its timeout.
    const slow = sample(text, 'rapport_webhook_attempt_duration_seconds_sum{outcome="timeout"}');
    expect(slow).toBeGreaterThanOrEqual(0.29);
    expect(text).not.toContain(new URL(receiver.url).port);
    expect(text).not.toContain('127.0.0.1');
  });

  it('counts a destination the SSRF guard refuses as refused, and a closed port as unreachable', async () => {
    const registry = new Registry();
    const metrics = createWebhookMetrics(registry);
    const guarded = createWebhookSender({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      allowPrivateDestinations: false,
      retryDelaysMs: [0, 0],
      metrics,
    });
    // One endpoint that answers, one on a closed port (9, discard): both on loopback.
    for (const url of [receiver.url, 'http://127.0.0.1:9/hooks']) {
      const created = await asSecretKey(ctx, 'POST', '/v1/admin/webhooks', {
        url,
        events: ['feedback.created'],
      });
      expect(created.status).toBe(201);
    }
    await ingest(ctx, [message('feedback')]);
    // Without the private-destinations setting, the guard refuses both.
    expect(await guarded.deliverDue()).toBe(2);
    const open = createWebhookSender({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      allowPrivateDestinations: true,
      retryDelaysMs: [0, 0],
      // Failing since the refused attempt is long enough: the closed port's endpoint goes.
      disableAfterMs: 0,
      metrics,
    });
    expect(await open.deliverDue()).toBe(2);

    const text = await registry.metrics();
    expect(sample(text, 'rapport_webhook_attempts_total{outcome="refused"}')).toBe(2);
    expect(sample(text, 'rapport_webhook_attempts_total{outcome="unreachable"}')).toBe(1);
    expect(sample(text, 'rapport_webhook_attempts_total{outcome="delivered"}')).toBe(1);
    expect(sample(text, 'rapport_webhook_endpoints_disabled_total')).toBe(1);
  });
});
