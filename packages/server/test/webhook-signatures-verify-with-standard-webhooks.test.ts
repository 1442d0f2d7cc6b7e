import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger';
import { signWebhook } from '../src/webhooks/signature';
import { createWebhookSender } from '../src/webhooks/worker';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK } from './helpers/test-app';
import { useWebhookTestApp } from './helpers/webhook-app';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';

describe('the Standard Webhooks signature', () => {
  it('matches the example of the specification', () => {
    // https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md
    const signature = signWebhook(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});

describe.each(databases)('signed webhooks on $name', (database) => {
  const ctx = useWebhookTestApp(database);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());

  it('delivers feedback.created that the standardwebhooks package verifies', async () => {
    receiver.received.length = 0;
    const created = await send(
      ctx.app,
      'POST',
      '/v1/admin/webhooks',
      { url: receiver.url, events: ['feedback.created'] },
      { key: SK },
    );
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    // The secret is shown once: never in a listing.
    const listed = await send(ctx.app, 'GET', '/v1/admin/webhooks', undefined, { key: SK });
    expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);

    const feedback = message('feedback', { message: 'Checkout is broken' });
    const batch = await send(ctx.app, 'POST', '/v1/batch', { messages: [feedback] });
    expect(batch.body.accepted).toBe(1);

    // The real clock: the verifier refuses timestamps more than 5 minutes off.
    const sender = createWebhookSender({
      store: ctx.store,
      logger: silentLogger,
      allowPrivateDestinations: true,
    });
    await sender.deliverDue();
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    const verified = new Webhook(created.body.secret).verify(got?.body ?? '', got?.headers ?? {});
    expect(verified).toEqual({
      type: 'feedback.created',
      timestamp: expect.any(String),
      data: {
        projectId: 'proj_test',
        id: feedback.id,
        anonymousId: 'anon-1',
        userId: null,
        message: 'Checkout is broken',
        category: null,
        rating: null,
        createdAt: '2026-03-02T11:00:00.000Z',
      },
    });
    expect(got?.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    // Tampering is caught by the same verifier.
    expect(() =>
      new Webhook(created.body.secret).verify(`${got?.body} `, got?.headers ?? {}),
    ).toThrow();
  });
});
