import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { asSecretKey, createSurveys, ingest, userHashOf } from './helpers/inbox';
import { message, send } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const SECRET = '0123456789abcdef0123456789abcdef';

describe.each(databases)('detractor recovery on $name', (database) => {
  const ctx = useTestApp(database);

  const surveys = () =>
    createSurveys(ctx, [
      ['nps-1', 'nps'],
      ['csat-1', 'csat'],
    ]);

  it('opens a thread tagged detractor for NPS 0–6 and CSAT 1–2, with the score and the comment', async () => {
    await surveys();
    const nps3 = message('survey_response', {
      surveyId: 'nps-1',
      score: 3,
      comment: 'Delivery took\nthree weeks',
      userId: 'ada',
    });
    const answers = [
      nps3,
      message('survey_response', { surveyId: 'nps-1', score: 6 }),
      message('survey_response', { surveyId: 'nps-1', score: 7 }),
      message('survey_response', { surveyId: 'csat-1', score: 2 }),
      message('survey_response', { surveyId: 'csat-1', score: 3 }),
    ];
    await ingest(ctx, answers);
    await ingest(ctx, [nps3]); // a resend opens nothing more
    const list = await asSecretKey(ctx, 'GET', '/v1/admin/feedback');
    const opened = list.body.items.map((item: { id: string }) => item.id).sort();
    expect(opened).toEqual([answers[0]?.id, answers[1]?.id, answers[3]?.id].sort());
    const thread = await asSecretKey(ctx, 'GET', `/v1/admin/feedback/${nps3.id}`);
    expect(thread.body.item).toMatchObject({
      message: 'Delivery took\nthree weeks',
      userId: 'ada',
      status: 'new',
      surveyAnswer: { surveyId: 'nps-1', score: 3 },
      tags: ['detractor'],
    });
    // The customer sees it in Messages, where the team will answer.
    const inbox = await send(ctx.app, 'GET', `/v1/inbox?userId=ada&userHash=${userHashOf('ada')}`);
    expect(inbox.body.threads).toEqual([
      expect.objectContaining({
        id: nps3.id,
        message: 'Delivery took\nthree weeks',
        surveyAnswer: { surveyId: 'nps-1', score: 3 },
      }),
    ]);
  });

  it('puts open detractor threads at the top of the inbox, across pages, until resolved', async () => {
    await surveys();
    ctx.clock.set('2026-03-02T12:00:00.000Z');
    const old = message('survey_response', {
      surveyId: 'nps-1',
      score: 0,
      timestamp: '2026-03-01T08:00:00.000Z',
      anonymousId: 'anon-9',
      deviceSecret: SECRET,
    });
    const newer = Array.from({ length: 3 }, (_, n) =>
      message('feedback', { timestamp: `2026-03-02T0${n + 1}:00:00.000Z` }),
    );
    await ingest(ctx, [old, ...newer]);
    const first = await asSecretKey(ctx, 'GET', '/v1/admin/feedback?limit=2');
    expect(first.body.items.map((item: { id: string }) => item.id)).toEqual([old.id, newer[2]?.id]);
    const second = await asSecretKey(
      ctx,
      'GET',
      `/v1/admin/feedback?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((item: { id: string }) => item.id)).toEqual([
      newer[1]?.id,
      newer[0]?.id,
    ]);
    expect(second.body.nextCursor).toBeUndefined();

    // An anonymous detractor reads it with the device secret, like their own feedback.
    const mine = await send(ctx.app, 'GET', '/v1/inbox?anonymousId=anon-9', undefined, {
      headers: { 'x-rapport-device-secret': SECRET },
    });
    expect(mine.body.threads.map((t: { id: string }) => t.id)).toEqual([old.id]);

    await asSecretKey(ctx, 'PATCH', `/v1/admin/feedback/${old.id}`, { status: 'resolved' });
    const after = await asSecretKey(ctx, 'GET', '/v1/admin/feedback?limit=10');
    expect(after.body.items.at(-1).id).toBe(old.id);
  });
});
