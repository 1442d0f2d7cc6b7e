import { WEBHOOK_EVENTS } from '@rapport/protocol';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { updateFeedback } from '../src/store/feedback-thread';
import { databases } from './helpers/databases';
import { asSecretKey, ingest, userHashOf } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { useWebhookTestApp } from './helpers/webhook-app';
import { queuedEvents } from './helpers/webhook-deliveries';

const RECEIVER = 'http://127.0.0.1:9/hooks';

describe.each(databases)('webhook events on $name', (database) => {
  const ctx = useWebhookTestApp(database);
  const admin = (method: string, path: string, body?: unknown) =>
    asSecretKey(ctx, method, path, body);
  const endpoint = async (events: readonly string[]) =>
    (await admin('POST', '/v1/admin/webhooks', { url: RECEIVER, events })).body.id as string;

  it('queues nothing for a project without endpoints', async () => {
    await ingest(ctx, [message('feedback'), message('feedback')]);
    expect(await queuedEvents(ctx.store)).toEqual([]);
  });

  it('queues feedback, answers and NPS detractors from ingest, filtered per endpoint', async () => {
    const all = await endpoint(WEBHOOK_EVENTS);
    const detractorsOnly = await endpoint(['nps.detractor']);
    await admin('POST', '/v1/admin/surveys', {
      id: 'nps-1',
      name: 'NPS',
      type: 'nps',
      question: 'Recommend us?',
    });
    const feedback = message('feedback', { message: 'Hi', category: 'bug', rating: 2 });
    const low = message('survey_response', { surveyId: 'nps-1', score: 6, userId: 'u-1' });
    const high = message('survey_response', { surveyId: 'nps-1', score: 7 });
    await ingest(ctx, [feedback, low, high]);
    // Replayed ids are duplicates: no second event.
    await ingest(ctx, [feedback, low]);
    const queued = await queuedEvents(ctx.store);
    const summary = queued.map((row) => [row.type, row.endpointId, row.data.id]);
    expect(summary.sort()).toEqual(
      [
        ['feedback.created', all, feedback.id],
        ['nps.detractor', all, low.id],
        ['nps.detractor', detractorsOnly, low.id],
        ['survey.responded', all, low.id],
        ['survey.responded', all, high.id],
      ].sort(),
    );
    expect(queued.find((row) => row.type === 'nps.detractor')?.data).toEqual({
      projectId: 'proj_test',
      id: low.id,
      surveyId: 'nps-1',
      anonymousId: 'anon-1',
      userId: 'u-1',
      score: 6,
      comment: null,
      createdAt: '2026-03-02T11:00:00.000Z',
    });
    expect(JSON.stringify(queued)).not.toContain(String(low.userHash));
  });

  it('queues survey.responded for each step of a response, and nps.detractor once', async () => {
    await endpoint(['survey.responded', 'nps.detractor']);
    await admin('POST', '/v1/admin/surveys', {
      id: 'nps-1',
      name: 'NPS',
      type: 'nps',
      question: 'Q?',
    });
    const picked = message('survey_response', { surveyId: 'nps-1', responseId: 'r-1', score: 2 });
    const followUp = message('survey_response', {
      surveyId: 'nps-1',
      responseId: 'r-1',
      score: 2,
      comment: 'Too slow',
      timestamp: '2026-03-02T11:00:30.000Z',
    });
    await ingest(ctx, [picked]);
    await ingest(ctx, [followUp]);
    await ingest(ctx, [picked, followUp]); // replays queue nothing
    const queued = await queuedEvents(ctx.store);
    expect(queued.map((row) => [row.type, row.data.id, row.data.comment])).toEqual([
      ['nps.detractor', 'r-1', null],
      ['survey.responded', 'r-1', null],
      ['survey.responded', 'r-1', 'Too slow'],
    ]);
    // The response keeps the time of its first step.
    expect(queued.at(-1)?.data.createdAt).toBe('2026-03-02T11:00:00.000Z');
  });

  it("queues a customer's answer as feedback.replied, and its reopening of a resolved thread", async () => {
    await endpoint(['feedback.replied', 'feedback.status_changed']);
    const feedback = message('feedback', { userId: 'ada' });
    await ingest(ctx, [feedback]);
    await admin('PATCH', `/v1/admin/feedback/${feedback.id}`, { status: 'resolved' });
    const answer = message('reply', { userId: 'ada', threadId: feedback.id, body: 'Not fixed' });
    const second = message('reply', { userId: 'ada', threadId: feedback.id, body: 'Still not' });
    await ingest(ctx, [answer, second]);
    await ingest(ctx, [answer]);
    const queued = (await queuedEvents(ctx.store)).map((row) => [row.type, row.data]);
    expect(queued.filter(([type]) => type === 'feedback.replied').map(([, data]) => data)).toEqual(
      expect.arrayContaining([
        {
          projectId: 'proj_test',
          feedbackId: feedback.id,
          replyId: answer.id,
          author: 'customer',
          body: 'Not fixed',
          createdAt: '2026-03-02T12:00:00.000Z',
        },
        expect.objectContaining({ replyId: second.id, author: 'customer' }),
      ]),
    );
    expect(queued.filter(([type]) => type === 'feedback.replied')).toHaveLength(2);
    expect(queued.filter(([type]) => type === 'feedback.status_changed').map(([, d]) => d)).toEqual(
      [
        { projectId: 'proj_test', feedbackId: feedback.id, from: 'new', to: 'resolved' },
        { projectId: 'proj_test', feedbackId: feedback.id, from: 'resolved', to: 'in_progress' },
      ],
    );
  });

  it('queues replies, status changes, redemptions, tier changes and erasure', async () => {
    await endpoint(WEBHOOK_EVENTS);
    const feedback = message('feedback', { userId: 'ada' });
    await ingest(ctx, [feedback]);
    await admin('POST', `/v1/admin/feedback/${feedback.id}/replies`, { body: 'Thanks!' });
    await admin('PATCH', `/v1/admin/feedback/${feedback.id}`, { status: 'resolved' });
    await admin('PUT', '/v1/admin/loyalty/tiers', [
      { name: 'Bronze', threshold: 0 },
      { name: 'Silver', threshold: 500 },
    ]);
    await admin('POST', '/v1/admin/loyalty/rewards', { id: 'mug', name: 'Mug', cost: 100 });
    await admin('POST', '/v1/admin/loyalty/earn', {
      id: 'e1',
      userId: 'ada',
      points: 400,
      reason: 'x',
    });
    await admin('POST', '/v1/admin/loyalty/earn', {
      id: 'e2',
      userId: 'ada',
      points: 200,
      reason: 'y',
    });
    const redeem = await send(ctx.app, 'POST', '/v1/loyalty/redeem', {
      id: 'r1',
      userId: 'ada',
      userHash: userHashOf('ada'),
      rewardId: 'mug',
    });
    expect(redeem.status).toBe(200);
    const queued = await queuedEvents(ctx.store);
    const byType = new Map(queued.map((row) => [row.type, row.data]));
    // One each: 0 → 400 stays Bronze; 400 → 600 crosses into Silver.
    expect(queued.map((row) => row.type).sort()).toEqual([
      'feedback.created',
      'feedback.replied',
      'feedback.status_changed',
      'loyalty.redeemed',
      'loyalty.tier_changed',
    ]);
    expect(byType.get('feedback.replied')).toMatchObject({
      feedbackId: feedback.id,
      author: 'team',
      body: 'Thanks!',
    });
    expect(byType.get('feedback.status_changed')).toEqual({
      projectId: 'proj_test',
      feedbackId: feedback.id,
      from: 'new',
      to: 'resolved',
    });
    expect(byType.get('loyalty.tier_changed')).toEqual({
      projectId: 'proj_test',
      userId: 'ada',
      from: 'Bronze',
      to: 'Silver',
      lifetimePoints: 600,
    });
    expect(byType.get('loyalty.redeemed')).toMatchObject({
      redemptionId: 'r1',
      cost: 100,
      balance: 500,
    });

    const erased = await admin('DELETE', '/v1/admin/customers/ada', { confirm: 'ada' });
    expect(erased.status).toBe(204);
    // What was queued about Ada goes with her; the erasure itself is announced.
    const after = await queuedEvents(ctx.store);
    expect(after.map((row) => row.type)).toEqual(['customer.erased']);
    expect(after[0]?.data).toEqual({
      projectId: 'proj_test',
      userId: 'ada',
      eraseId: expect.stringMatching(/^erase_/),
    });
  });

  it('queues nothing for a disabled endpoint', async () => {
    const id = await endpoint(['feedback.created']);
    await admin('PATCH', `/v1/admin/webhooks/${id}`, { enabled: false });
    await ingest(ctx, [message('feedback')]);
    expect(await queuedEvents(ctx.store)).toEqual([]);
  });

  it('sends nothing for a change that was rolled back', async () => {
    await endpoint(WEBHOOK_EVENTS);
    // An ingest statement that fails after its feedback and delivery rows were written.
    await sql`CREATE FUNCTION refuse_customer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`.execute(ctx.store.db);
    await sql`CREATE TRIGGER refuse_customer BEFORE INSERT ON customers
      FOR EACH ROW EXECUTE FUNCTION refuse_customer()`.execute(ctx.store.db);
    try {
      const failed = await send(ctx.app, 'POST', '/v1/batch', { messages: [message('feedback')] });
      expect(failed.status).toBe(500);
    } finally {
      await sql`DROP TRIGGER refuse_customer ON customers`.execute(ctx.store.db);
      await sql`DROP FUNCTION refuse_customer()`.execute(ctx.store.db);
    }
    expect(await ctx.store.db.selectFrom('feedback').selectAll().execute()).toEqual([]);
    expect(await queuedEvents(ctx.store)).toEqual([]);

    // A status change whose transaction fails afterwards.
    const feedback = message('feedback');
    await ingest(ctx, [feedback]);
    const before = await queuedEvents(ctx.store);
    await expect(
      ctx.store.db.transaction().execute(async (trx) => {
        await updateFeedback(
          trx,
          'proj_test',
          String(feedback.id),
          { status: 'resolved' },
          ctx.clock(),
        );
        throw new Error('after the change');
      }),
    ).rejects.toThrow('after the change');
    expect(await queuedEvents(ctx.store)).toEqual(before);
  });
});
