import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src/logger';
import { createWebhookSender, type WebhookSender } from '../src/webhooks/worker';
import { databases } from './helpers/databases';
import { asSecretKey, ingest } from './helpers/inbox';
import { message } from './helpers/requests';
import { useWebhookTestApp } from './helpers/webhook-app';
import { startWebhookReceiver, type WebhookReceiver } from './helpers/webhook-receiver';

const CONSOLE = 'https://rapport.example/console/';

describe.each(databases)('slack endpoints on $name', (database) => {
  const ctx = useWebhookTestApp(database);
  let receiver: WebhookReceiver;
  let sender: WebhookSender;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.reset();
    sender = createWebhookSender({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      allowPrivateDestinations: true,
      consoleUrl: CONSOLE,
    });
  });
  const slackEndpoint = (events: string[]) =>
    asSecretKey(ctx, 'POST', '/v1/admin/webhooks', { url: receiver.url, events, format: 'slack' });
  const texts = () => receiver.received.map((request) => JSON.parse(request.body).text as string);

  it('posts new feedback as text with the message quoted, markup escaped and a link to the thread', async () => {
    const created = await slackEndpoint(['feedback.created']);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ format: 'slack', events: ['feedback.created'] });
    const feedback = message('feedback', {
      userId: 'ada',
      category: 'bug',
      rating: 2,
      message: 'Checkout broke <!channel> & see <https://evil.example|your bank>\nsecond line',
    });
    await ingest(ctx, [feedback]);
    expect(await sender.deliverDue()).toBe(1);
    expect(texts()).toEqual([
      '*New feedback* from customer ada (bug, rated 2/5)\n' +
        '> Checkout broke &lt;!channel&gt; &amp; see &lt;https://evil.example|your bank&gt;\n' +
        '> second line\n' +
        `<${CONSOLE}#/projects/proj_test/inbox/${feedback.id}|Answer in Rapport>`,
    ]);
    // Slack reads the body only; the Standard Webhooks headers stay, harmless.
    expect(receiver.received[0]?.headers['content-type']).toBe('application/json');
    expect(receiver.received[0]?.headers['webhook-id']).toBeTruthy();
  });

  it('posts an NPS detractor with the score and a link to the report, and a test message', async () => {
    const created = await slackEndpoint(['nps.detractor']);
    await asSecretKey(ctx, 'POST', '/v1/admin/surveys', {
      id: 'nps-1',
      name: 'NPS',
      type: 'nps',
      question: 'Recommend us?',
    });
    await ingest(ctx, [
      message('survey_response', { surveyId: 'nps-1', score: 3, comment: 'Too slow' }),
      message('survey_response', { surveyId: 'nps-1', score: 9 }),
    ]);
    expect(await sender.deliverDue()).toBe(1);
    await asSecretKey(ctx, 'POST', `/v1/admin/webhooks/${created.body.id}/test`);
    expect(await sender.deliverDue()).toBe(1);
    expect(texts()).toEqual([
      '*NPS detractor*: an anonymous visitor scored 3 out of 10\n> Too slow\n' +
        `<${CONSOLE}#/projects/proj_test/surveys/nps-1/report|See the survey in Rapport>`,
      'Rapport is connected: new feedback and NPS detractors will be posted here.',
    ]);
  });

  it('has no link without the console address, and refuses events it has no message for', async () => {
    const created = await slackEndpoint(['feedback.created']);
    const refused = await slackEndpoint(['feedback.created', 'loyalty.redeemed']);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_body');
    expect(refused.body.error.message).toContain(
      'a slack endpoint receives only feedback.created and nps.detractor',
    );
    const patched = await asSecretKey(ctx, 'PATCH', `/v1/admin/webhooks/${created.body.id}`, {
      events: ['survey.responded'],
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.message).toContain('a slack endpoint receives only');
    // A standard endpoint may take any event, and says its format.
    const standard = await asSecretKey(ctx, 'POST', '/v1/admin/webhooks', {
      url: receiver.url,
      events: ['loyalty.redeemed'],
    });
    expect(standard.body.format).toBe('standard');

    const bare = createWebhookSender({
      store: ctx.store,
      clock: ctx.clock,
      logger: silentLogger,
      allowPrivateDestinations: true,
    });
    await ingest(ctx, [message('feedback', { message: 'Hello' })]);
    expect(await bare.deliverDue()).toBe(1);
    expect(texts()).toEqual(['*New feedback* from an anonymous visitor\n> Hello']);
  });
});
