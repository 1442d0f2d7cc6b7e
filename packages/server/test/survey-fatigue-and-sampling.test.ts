import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, seedProjects, useTestApp } from './helpers/test-app';

async function createSurvey(app: Parameters<typeof send>[0], fields: Record<string, unknown>) {
  const res = await send(
    app,
    'POST',
    '/v1/admin/surveys',
    { name: 'NPS', type: 'nps', question: 'Recommend us?', ...fields },
    { key: SK },
  );
  expect(res.status).toBe(201);
  return res.body;
}

async function eligibleIds(app: Parameters<typeof send>[0], query: string): Promise<string[]> {
  const res = await send(app, 'GET', `/v1/surveys/eligible?${query}`);
  expect(res.status).toBe(200);
  return res.body.surveys.map((s: { id: string }) => s.id);
}

describe.each(databases)('survey eligibility on $name', (database) => {
  const ctx = useTestApp(database, { settings: { surveyGlobalWaitDays: 0 } });

  it('does not ask a user who answered again within recontactDays', async () => {
    await createSurvey(ctx.app, { id: 'nps-1', recontactDays: 30 });
    expect(await eligibleIds(ctx.app, 'anonymousId=a1&userId=u1')).toEqual(['nps-1']);
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [
        message('survey_response', {
          anonymousId: 'a1',
          userId: 'u1',
          timestamp: ctx.clock().toISOString(),
        }),
      ],
    });
    // Keyed by user: another browser of the same user is not asked either.
    expect(await eligibleIds(ctx.app, 'anonymousId=a2&userId=u1')).toEqual([]);
    ctx.clock.advanceDays(29);
    expect(await eligibleIds(ctx.app, 'anonymousId=a1&userId=u1')).toEqual([]);
    ctx.clock.advanceDays(2);
    expect(await eligibleIds(ctx.app, 'anonymousId=a1&userId=u1')).toEqual(['nps-1']);
  });

  it('remembers an answer given before sign-in once identify links the browser to the user', async () => {
    await createSurvey(ctx.app, { id: 'nps-1', recontactDays: 30 });
    const at = ctx.clock().toISOString();
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [message('survey_response', { anonymousId: 'a3', timestamp: at })],
    });
    // Another browser of u3 is asked: nothing links the anonymous answer to u3 yet.
    expect(await eligibleIds(ctx.app, 'anonymousId=a4&userId=u3')).toEqual(['nps-1']);
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [message('identify', { anonymousId: 'a3', userId: 'u3', timestamp: at })],
    });
    expect(await eligibleIds(ctx.app, 'anonymousId=a4&userId=u3')).toEqual([]);
  });

  it('counts a dismissal like an answer', async () => {
    await createSurvey(ctx.app, { id: 'nps-1', recontactDays: 10 });
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [
        message('track', {
          anonymousId: 'a9',
          event: '$survey_dismissed',
          properties: { surveyId: 'nps-1' },
          timestamp: ctx.clock().toISOString(),
        }),
      ],
    });
    expect(await eligibleIds(ctx.app, 'anonymousId=a9')).toEqual([]);
    expect(await eligibleIds(ctx.app, 'anonymousId=someone-else')).toEqual(['nps-1']);
  });

  it('never shows a 0% survey and always shows a 100% one', async () => {
    await createSurvey(ctx.app, { id: 'never', samplePercent: 0 });
    await createSurvey(ctx.app, { id: 'always', samplePercent: 100 });
    for (let i = 0; i < 40; i += 1) {
      expect(await eligibleIds(ctx.app, `anonymousId=visitor-${i}`)).toEqual(['always']);
    }
  });

  it('samples about the given share, the same way every time for one person', async () => {
    await createSurvey(ctx.app, { id: 'half', samplePercent: 50 });
    const shown: boolean[] = [];
    for (let i = 0; i < 60; i += 1) {
      const ids = await eligibleIds(ctx.app, `anonymousId=p-${i}`);
      expect(await eligibleIds(ctx.app, `anonymousId=p-${i}`)).toEqual(ids);
      shown.push(ids.length === 1);
    }
    const share = shown.filter(Boolean).length / shown.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.75);
  });

  it('applies URL and event targeting', async () => {
    await createSurvey(ctx.app, { id: 'checkout', targeting: { urlContains: '/checkout' } });
    await createSurvey(ctx.app, { id: 'after-buy', targeting: { event: 'Purchased' } });
    expect(await eligibleIds(ctx.app, 'anonymousId=t1&url=https://shop.example/')).toEqual([]);
    expect(
      await eligibleIds(ctx.app, 'anonymousId=t1&url=https://shop.example/checkout/pay'),
    ).toEqual(['checkout']);
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [message('track', { anonymousId: 't1', event: 'Purchased' })],
    });
    expect(await eligibleIds(ctx.app, 'anonymousId=t1')).toEqual(['after-buy']);
  });

  it('shows a survey from its start time and up to, not at, its end time', async () => {
    const now = ctx.clock().getTime();
    const iso = (offsetMs: number) => new Date(now + offsetMs).toISOString();
    await createSurvey(ctx.app, { id: 'running', targeting: { startsAt: iso(0), endsAt: iso(1) } });
    await createSurvey(ctx.app, { id: 'later', targeting: { startsAt: iso(1) } });
    await createSurvey(ctx.app, { id: 'over', targeting: { endsAt: iso(0) } });
    expect(await eligibleIds(ctx.app, 'anonymousId=d1')).toEqual(['running']);
    const backwards = await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      {
        name: 'Backwards',
        type: 'csat',
        question: 'Happy?',
        targeting: { startsAt: iso(1000), endsAt: iso(0) },
      },
      { key: SK },
    );
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body.error)).toContain('must be after startsAt');
    const notATime = await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      { name: 'Bad', type: 'csat', question: 'Happy?', targeting: { startsAt: 'tomorrow' } },
      { key: SK },
    );
    expect(notATime.status).toBe(400);
  });

  it('rejects a bad query with 400 invalid_query', async () => {
    const res = await send(ctx.app, 'GET', '/v1/surveys/eligible?anonymousId=');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_query');
  });

  it('waits the project’s global days after any survey before asking another', async () => {
    await seedProjects(ctx.store, { surveyGlobalWaitDays: 14 });
    await createSurvey(ctx.app, { id: 'first', recontactDays: 365 });
    await createSurvey(ctx.app, { id: 'second', type: 'csat', recontactDays: 365 });
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [
        message('survey_response', {
          anonymousId: 'g1',
          surveyId: 'first',
          score: 10,
          timestamp: ctx.clock().toISOString(),
        }),
      ],
    });
    expect(await eligibleIds(ctx.app, 'anonymousId=g1')).toEqual([]);
    ctx.clock.advanceDays(13);
    expect(await eligibleIds(ctx.app, 'anonymousId=g1')).toEqual([]);
    ctx.clock.advanceDays(2);
    expect(await eligibleIds(ctx.app, 'anonymousId=g1')).toEqual(['second']);
  });
});
