import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger';
import { isPrivateAddress } from '../src/webhooks/destination';
import { postWebhook } from '../src/webhooks/send-attempt';
import { createWebhookSender } from '../src/webhooks/worker';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message } from './helpers/requests';
import { useTestApp } from './helpers/test-app';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';

describe('private addresses', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.8',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.1.2.3',
    '64:ff9b::a9fe:a9fe',
  ])('%s is private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('refuses a name that resolves to loopback, before connecting', async () => {
    const outcome = await postWebhook({
      url: 'http://localhost:9/hooks',
      headers: {},
      body: '{}',
      timeoutMs: 2_000,
      allowPrivate: false,
    });
    expect(outcome).toMatchObject({ ok: false, statusCode: null });
    expect(outcome.error).toMatch(/^refused: localhost resolves to a private address/);
  });
});

describe.each(databases)('private webhook destinations on $name', (database) => {
  const ctx = useTestApp(database);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => receiver.reset());

  it('refuses a loopback, private or localhost URL at creation without the flag', async () => {
    for (const url of [
      receiver.url,
      'http://localhost:8080/x',
      'http://10.0.0.2/x',
      'http://[::1]/x',
      'http://169.254.169.254/latest/meta-data/',
    ]) {
      const refused = await asSecretKey(ctx, 'POST', '/v1/admin/webhooks', {
        url,
        events: ['feedback.created'],
      });
      expect([url, refused.status, refused.body.error.code]).toEqual([url, 400, 'invalid_body']);
    }
  });

  it('sends nothing to a private address without the flag, and delivers with it', async () => {
    // A public-looking name can still point inside: the worker checks at send time too.
    await ctx.store.db
      .insertInto('webhook_endpoints')
      .values({
        project_id: 'proj_test',
        id: 'wh_inside',
        url: receiver.url,
        events: ['feedback.created'],
        secret: 'whsec_dGVzdA==',
        created_at: ctx.clock(),
      })
      .execute();
    await ingest(ctx, [message('feedback')]);
    const options = { store: ctx.store, clock: ctx.clock, logger: silentLogger };
    await createWebhookSender(options).deliverDue();
    expect(receiver.received).toEqual([]);
    const log = await asSecretKey(ctx, 'GET', '/v1/admin/webhooks/wh_inside/deliveries');
    expect(log.body.items).toMatchObject([
      {
        status: 'pending',
        lastStatusCode: null,
        lastError: 'refused: 127.0.0.1 is a private address',
      },
    ]);

    ctx.clock.set(new Date(ctx.clock().getTime() + 5_000).toISOString());
    await createWebhookSender({ ...options, allowPrivateDestinations: true }).deliverDue();
    expect(receiver.received).toHaveLength(1);
  });
});
