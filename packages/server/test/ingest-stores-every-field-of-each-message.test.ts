import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

const AT = '2026-03-02T11:00:00.000Z';

describe.each(databases)('ingested fields on $name', (database) => {
  const ctx = useTestApp(database);

  async function rows<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
    return (await query.execute(ctx.store.db)).rows;
  }

  it('stores each message type with every field it carried, and empty objects for what it left out', async () => {
    const survey = { id: 'csat-1', name: 'CSAT', type: 'csat', question: 'How was it?' };
    expect((await send(ctx.app, 'POST', '/v1/admin/surveys', survey, { key: SK })).status).toBe(
      201,
    );
    const context = {
      url: 'https://shop.example/cart',
      userAgent: 'Test/1.0',
      viewport: { width: 390, height: 844 },
      locale: 'fr-FR',
    };
    const batch = [
      message('identify', { id: 'm-identify', traits: { plan: 'pro' }, timestamp: AT }),
      message('identify', { id: 'm-identify-bare', anonymousId: 'anon-2', timestamp: AT }),
      message('track', { id: 'm-track', event: 'Checkout', properties: { total: 42 } }),
      message('track', { id: 'm-track-bare', event: 'Opened' }),
      message('page', {
        id: 'm-page',
        url: 'https://shop.example/cart',
        title: 'Cart',
        referrer: 'https://search.example/',
      }),
      message('feedback', {
        id: 'm-feedback',
        message: 'The cart forgets my items',
        category: 'bug',
        email: 'zoe@example.com',
        rating: 2,
        context,
      }),
      message('survey_response', {
        id: 'm-answer',
        surveyId: 'csat-1',
        score: 4,
        comment: 'Quick delivery',
        answers: { reason: 'price' },
      }),
    ];
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: batch });
    expect(res.body).toEqual({ accepted: 7, duplicates: 0, rejected: [] });

    expect(
      await rows(sql<{ id: string; type: string; name: string | null; properties: unknown }>`
        SELECT id, type, name, properties FROM events ORDER BY id`),
    ).toEqual([
      { id: 'm-identify', type: 'identify', name: null, properties: { plan: 'pro' } },
      { id: 'm-identify-bare', type: 'identify', name: null, properties: {} },
      {
        id: 'm-page',
        type: 'page',
        name: 'https://shop.example/cart',
        properties: {
          url: 'https://shop.example/cart',
          title: 'Cart',
          referrer: 'https://search.example/',
        },
      },
      { id: 'm-track', type: 'track', name: 'Checkout', properties: { total: 42 } },
      { id: 'm-track-bare', type: 'track', name: 'Opened', properties: {} },
    ]);
    expect(
      await rows(sql`SELECT id, anonymous_id, user_id, message, category, email, rating, context,
        status FROM feedback`),
    ).toEqual([
      {
        id: 'm-feedback',
        anonymous_id: 'anon-1',
        user_id: null,
        message: 'The cart forgets my items',
        category: 'bug',
        email: 'zoe@example.com',
        rating: 2,
        context,
        status: 'new',
      },
    ]);
    expect(
      await rows(sql`SELECT id, survey_id, anonymous_id, user_id, score, comment, answers
        FROM survey_responses`),
    ).toEqual([
      {
        id: 'm-answer',
        survey_id: 'csat-1',
        anonymous_id: 'anon-1',
        user_id: null,
        score: 4,
        comment: 'Quick delivery',
        answers: { reason: 'price' },
      },
    ]);
    // The verified identify links anon-1 to user-1 and keeps its traits; anon-2 was identified
    // as user-1 too, with no traits.
    const customers = await rows(sql<{ anonymous_id: string; user_id: string; traits: unknown }>`
      SELECT anonymous_id, user_id, traits FROM customers ORDER BY anonymous_id`);
    expect(customers).toEqual([
      { anonymous_id: 'anon-1', user_id: 'user-1', traits: { plan: 'pro' } },
      { anonymous_id: 'anon-2', user_id: 'user-1', traits: {} },
    ]);
  });

  it('keeps an unproven user id only as the claimedUserId trait, beside the traits it came with', async () => {
    const claim = message('identify', {
      id: 'm-claim',
      userId: 'mallory',
      userHash: undefined,
      traits: { plan: 'free' },
    });
    const track = message('track', {
      id: 'm-claim-track',
      anonymousId: 'anon-3',
      userId: 'mallory',
      userHash: undefined,
    });
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages: [claim, track] });
    expect(res.body).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    expect(
      await rows(sql`SELECT anonymous_id, user_id, traits FROM customers ORDER BY anonymous_id`),
    ).toEqual([
      {
        anonymous_id: 'anon-1',
        user_id: null,
        traits: { plan: 'free', claimedUserId: 'mallory' },
      },
      { anonymous_id: 'anon-3', user_id: null, traits: { claimedUserId: 'mallory' } },
    ]);
    expect(await rows(sql`SELECT id, user_id, properties FROM events ORDER BY id`)).toEqual([
      { id: 'm-claim', user_id: null, properties: { plan: 'free', claimedUserId: 'mallory' } },
      { id: 'm-claim-track', user_id: null, properties: {} },
    ]);
  });
});
