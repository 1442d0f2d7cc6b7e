import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Logger } from '../src/logger';
import { roleForAdminRoute } from '../src/middleware/admin-roles';
import { createWebhookSender } from '../src/webhooks/worker';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { asSecretKey } from './helpers/inbox';
import { useWebhookTestApp } from './helpers/webhook-app';
import { startWebhookReceiver, status, type WebhookReceiver } from './helpers/webhook-receiver';

vi.setConfig({ testTimeout: 30_000 });

const PROJECT = { 'x-rapport-project': 'proj_test' };

describe('the role table', () => {
  it('lets admins write webhooks and members read them and their logs', () => {
    expect(roleForAdminRoute('POST', '/v1/admin/webhooks')).toBe('admin');
    expect(roleForAdminRoute('PATCH', '/v1/admin/webhooks/wh_1')).toBe('admin');
    expect(roleForAdminRoute('DELETE', '/v1/admin/webhooks/wh_1')).toBe('admin');
    expect(roleForAdminRoute('POST', '/v1/admin/webhooks/wh_1/rotate-secret')).toBe('admin');
    expect(roleForAdminRoute('POST', '/v1/admin/webhooks/wh_1/test')).toBe('admin');
    expect(roleForAdminRoute('GET', '/v1/admin/webhooks/wh_1/deliveries')).toBe('member');
  });
});

describe.each(databases)('the webhooks admin API on $name', (database) => {
  const ctx = useWebhookTestApp(database);
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver('/hooks/t0ken-in-the-path');
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.reset();
    // The verifier compares webhook-timestamp with the real time.
    ctx.clock.set(new Date().toISOString());
  });
  const admin = (method: string, path: string, body?: unknown) =>
    asSecretKey(ctx, method, path, body);

  it('creates, lists, changes, tests and deletes endpoints, auditing each change', async () => {
    const created = await admin('POST', '/v1/admin/webhooks', {
      url: receiver.url,
      events: ['feedback.created', 'customer.erased'],
    });
    expect(created.status).toBe(201);
    const { id, secret } = created.body;
    expect(created.body).toMatchObject({ url: receiver.url, enabled: true, disabledReason: null });
    const list = await admin('GET', '/v1/admin/webhooks');
    const { secret: _shownOnce, ...shown } = created.body;
    expect(list.body.items).toEqual([shown]);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');

    const bad = await admin('POST', '/v1/admin/webhooks', { url: receiver.url, events: ['nope'] });
    expect(bad.status).toBe(400);
    const none = await admin('POST', '/v1/admin/webhooks', { url: receiver.url, events: [] });
    expect(none.status).toBe(400);
    const ftp = await admin('POST', '/v1/admin/webhooks', {
      url: 'ftp://x.example/',
      events: ['feedback.created'],
    });
    expect(ftp.status).toBe(400);

    const patched = await admin('PATCH', `/v1/admin/webhooks/${id}`, { events: ['nps.detractor'] });
    expect(patched.body).toMatchObject({ id, events: ['nps.detractor'], url: receiver.url });

    const lines: string[] = [];
    const logger: Logger = {
      info: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
      warn: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
      error: (message, fields) => lines.push(JSON.stringify({ message, ...fields })),
    };
    receiver.answerNext(status(500, '{"error":"boom"}', 'application/json'));
    const test = await admin('POST', `/v1/admin/webhooks/${id}/test`);
    expect(test.status).toBe(202);
    expect(test.body).toMatchObject({ type: 'webhook.test', status: 'pending', attempts: 0 });
    const sender = createWebhookSender({
      store: ctx.store,
      clock: ctx.clock,
      logger,
      allowPrivateDestinations: true,
    });
    await sender.deliverDue();
    const log = await admin('GET', `/v1/admin/webhooks/${id}/deliveries`);
    expect(log.body.items).toMatchObject([
      {
        id: test.body.id,
        type: 'webhook.test',
        status: 'pending',
        attempts: 1,
        lastStatusCode: 500,
        responseExcerpt: '{"error":"boom"}',
      },
    ]);
    const payload = new Webhook(secret).verify(
      receiver.received[0]?.body ?? '',
      receiver.received[0]?.headers ?? {},
    );
    expect(payload).toMatchObject({
      type: 'webhook.test',
      data: { projectId: 'proj_test', endpointId: id },
    });
    // The log names ids and codes, never the secret or the URL's path (it may hold a token).
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/whsec_|t0ken/);

    const deleted = await admin('DELETE', `/v1/admin/webhooks/${id}`);
    expect(deleted.status).toBe(204);
    expect((await admin('GET', `/v1/admin/webhooks/${id}`)).status).toBe(404);
    expect((await admin('GET', `/v1/admin/webhooks/${id}/deliveries`)).status).toBe(404);
    expect((await admin('DELETE', `/v1/admin/webhooks/${id}`)).status).toBe(404);

    const audit = await ctx.store.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'details'])
      .where('action', 'like', 'webhook_%')
      .orderBy('at')
      .execute();
    expect(audit.map((row) => row.action)).toEqual([
      'webhook_created',
      'webhook_updated',
      'webhook_deleted',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/whsec_|t0ken/);
    expect(audit[0]?.details).toMatchObject({ origin: new URL(receiver.url).origin });
  });

  it('signs with the old and the new secret for a day after a rotation', async () => {
    const created = await admin('POST', '/v1/admin/webhooks', {
      url: receiver.url,
      events: ['feedback.created'],
    });
    const { id, secret: old } = created.body;
    const rotated = await admin('POST', `/v1/admin/webhooks/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(old);
    await admin('POST', `/v1/admin/webhooks/${id}/test`);
    const sender = createWebhookSender({
      store: ctx.store,
      clock: ctx.clock,
      logger: { info() {}, warn() {}, error() {} },
      allowPrivateDestinations: true,
    });
    await sender.deliverDue();
    const [got] = receiver.received;
    expect(got?.headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const secret of [old, rotated.body.secret]) {
      expect(() => new Webhook(secret).verify(got?.body ?? '', got?.headers ?? {})).not.toThrow();
    }
  });

  it('lets a member read the delivery log but not create, test or delete', async () => {
    const created = await admin('POST', '/v1/admin/webhooks', {
      url: receiver.url,
      events: ['feedback.created'],
    });
    await addUser(ctx.store, 'member@team.test', { projectId: 'proj_test', role: 'member' });
    const member = consoleBrowser(ctx.app);
    expect((await member.signIn('member@team.test')).status).toBe(200);
    const id = created.body.id;
    const log = await member.send('GET', `/v1/admin/webhooks/${id}/deliveries`, undefined, PROJECT);
    expect(log.status).toBe(200);
    const list = await member.send('GET', '/v1/admin/webhooks', undefined, PROJECT);
    expect(list.status).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/v1/admin/webhooks', { url: receiver.url, events: ['feedback.created'] }],
      ['POST', `/v1/admin/webhooks/${id}/test`, undefined],
      ['POST', `/v1/admin/webhooks/${id}/rotate-secret`, undefined],
      ['DELETE', `/v1/admin/webhooks/${id}`, undefined],
    ] as const) {
      const refused = await member.send(method, path, body, PROJECT);
      expect([path, refused.status]).toEqual([path, 403]);
    }
  });
});
