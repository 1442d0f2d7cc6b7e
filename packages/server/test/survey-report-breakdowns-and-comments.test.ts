import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { SK, useTestApp } from './helpers/test-app';

const admin = { key: SK };
const AT = '2026-03-04T10:00:00.000Z';

function answer(score: number, anonymousId: string, extra: Record<string, unknown> = {}) {
  return message('survey_response', {
    surveyId: 'nps-1',
    score,
    anonymousId,
    timestamp: AT,
    ...extra,
  });
}

interface Row {
  value: string | null;
  responses: number;
  nps: { score: number };
}

describe.each(databases)('survey report breakdowns and comments on $name', (database) => {
  const ctx = useTestApp(database);

  async function setUp(messages: Record<string, unknown>[]) {
    ctx.clock.set('2026-05-01T00:00:00.000Z');
    await send(
      ctx.app,
      'POST',
      '/v1/admin/surveys',
      { id: 'nps-1', name: 'NPS', type: 'nps', question: 'Recommend us?' },
      admin,
    );
    const res = await send(ctx.app, 'POST', '/v1/batch', { messages });
    expect(res.body).toMatchObject({ accepted: messages.length, rejected: [] });
  }

  async function breakdown(by: string): Promise<Row[]> {
    const res = await send(
      ctx.app,
      'GET',
      `/v1/admin/surveys/nps-1/report?breakdown=${by}`,
      undefined,
      admin,
    );
    expect(res.status).toBe(200);
    expect(res.body.period.breakdown.by).toBe(by);
    return res.body.period.breakdown.rows;
  }

  const pick = (rows: Row[]) => rows.map((row) => [row.value, row.responses, row.nps.score]);

  it('breaks down by a trait of identified customers only: a claimed trait counts as unknown', async () => {
    const early = '2026-03-01T10:00:00.000Z';
    await setUp([
      message('identify', {
        userId: 'ann',
        anonymousId: 'b-ann',
        traits: { plan: 'pro' },
        timestamp: early,
      }),
      message('identify', {
        userId: 'bob',
        anonymousId: 'b-bob',
        traits: { plan: 'pro' },
        timestamp: early,
      }),
      message('identify', {
        userId: 'cat',
        anonymousId: 'b-cat',
        traits: { plan: 'free' },
        timestamp: early,
      }),
      // Claims plan "pro" without a userHash: stored as anonymous, never a verified trait.
      message('identify', {
        userId: 'eve',
        userHash: undefined,
        anonymousId: 'b-eve',
        traits: { plan: 'pro' },
        timestamp: early,
      }),
      answer(10, 'b-ann', { userId: 'ann' }),
      answer(6, 'b-bob', { userId: 'bob' }),
      answer(9, 'b-cat', { userId: 'cat' }),
      answer(0, 'b-eve'),
      answer(0, 'b-nobody'),
    ]);
    // pro: ann 10, bob 6 → 0; free: cat 9 → 100; unknown: eve and nobody, both 0 → −100.
    expect(pick(await breakdown('trait:plan'))).toEqual([
      ['pro', 2, 0],
      [null, 2, -100],
      ['free', 1, 100],
    ]);
  });

  it('breaks down by loyalty tier and by the page the browser reported before answering', async () => {
    await setUp([
      message('page', {
        anonymousId: 'b1',
        url: 'https://shop.example/checkout?step=2',
        timestamp: '2026-03-04T09:00:00.000Z',
      }),
      message('page', {
        anonymousId: 'b1',
        url: 'https://shop.example/later',
        timestamp: '2026-03-04T11:00:00.000Z',
      }),
      message('page', {
        anonymousId: 'b2',
        url: 'https://shop.example/checkout#pay',
        timestamp: '2026-03-04T09:30:00.000Z',
      }),
      message('page', {
        anonymousId: 'b3',
        url: 'https://shop.example',
        timestamp: '2026-03-04T09:30:00.000Z',
      }),
      answer(10, 'b1', { userId: 'gold-user' }),
      answer(3, 'b2', { userId: 'plain-user' }),
      answer(8, 'b3'),
      answer(9, 'b4'),
    ]);
    expect(pick(await breakdown('page'))).toEqual([
      ['/checkout', 2, 0],
      ['/', 1, 0],
      [null, 1, 100],
    ]);

    await send(
      ctx.app,
      'PUT',
      '/v1/admin/loyalty/tiers',
      [
        { name: 'Bronze', threshold: 0 },
        { name: 'Gold', threshold: 1000 },
      ],
      admin,
    );
    const earn = await send(
      ctx.app,
      'POST',
      '/v1/admin/loyalty/earn',
      { id: 'e1', userId: 'gold-user', points: 1500, reason: 'Order' },
      admin,
    );
    expect(earn.status).toBe(200);
    // plain-user is not a loyalty member; anonymous visitors have no tier.
    expect(pick(await breakdown('tier'))).toEqual([
      [null, 3, 0],
      ['Gold', 1, 100],
    ]);
  });

  it('lists comments newest first, filtered by band and by search, a page at a time', async () => {
    const at = (minute: number) => `2026-03-04T10:${String(minute).padStart(2, '0')}:00.000Z`;
    await setUp([
      message('survey_response', {
        surveyId: 'nps-1',
        score: 2,
        comment: 'Checkout was slow',
        anonymousId: 'a',
        timestamp: at(1),
      }),
      message('survey_response', {
        surveyId: 'nps-1',
        score: 10,
        comment: 'Fast checkout!',
        anonymousId: 'b',
        timestamp: at(2),
      }),
      message('survey_response', {
        surveyId: 'nps-1',
        score: 5,
        comment: '100% broken_link',
        anonymousId: 'c',
        timestamp: at(3),
      }),
      message('survey_response', {
        surveyId: 'nps-1',
        score: 7,
        comment: 'Fine',
        anonymousId: 'd',
        timestamp: at(4),
      }),
      message('survey_response', {
        surveyId: 'nps-1',
        score: 6,
        anonymousId: 'e',
        timestamp: at(5),
      }),
    ]);
    const list = async (query: string) => {
      const res = await send(
        ctx.app,
        'GET',
        `/v1/admin/surveys/nps-1/comments?${query}`,
        undefined,
        admin,
      );
      expect(res.status).toBe(200);
      return res.body;
    };
    const comments = (page: { items: { comment: string }[] }) =>
      page.items.map((item) => item.comment);
    expect(comments(await list(''))).toEqual([
      'Fine',
      '100% broken_link',
      'Fast checkout!',
      'Checkout was slow',
    ]);
    expect(comments(await list('band=detractor'))).toEqual([
      '100% broken_link',
      'Checkout was slow',
    ]);
    expect(comments(await list('band=promoter&q=CHECKOUT'))).toEqual(['Fast checkout!']);
    expect(comments(await list('q=checkout'))).toEqual(['Fast checkout!', 'Checkout was slow']);
    // % and _ are matched literally.
    expect(comments(await list('q=0%25'))).toEqual(['100% broken_link']);
    expect(comments(await list('q=k_n'))).toEqual([]);
    expect(comments(await list('score=7'))).toEqual(['Fine']);

    const first = await list('limit=3');
    expect(comments(first)).toEqual(['Fine', '100% broken_link', 'Fast checkout!']);
    expect(first.items[0]).toMatchObject({
      score: 7,
      anonymousId: 'd',
      userId: null,
      createdAt: at(4),
    });
    const second = await list(`limit=3&cursor=${first.nextCursor}`);
    expect(comments(second)).toEqual(['Checkout was slow']);
    expect(second.nextCursor).toBeUndefined();
  });
});
