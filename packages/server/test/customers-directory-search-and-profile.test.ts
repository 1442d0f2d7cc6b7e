import { describe, expect, it } from 'vitest';
import { earnPoints } from '../src/store/loyalty-ledger';
import { databases } from './helpers/databases';
import { asSecretKey, ingest, userHashOf } from './helpers/inbox';
import { message } from './helpers/requests';
import { useTestApp } from './helpers/test-app';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();
const as = (userId: string, anonymousId: string) => ({
  userId,
  anonymousId,
  userHash: userHashOf(userId),
});

describe.each(databases)('customers directory on $name', (database) => {
  const ctx = useTestApp(database);

  async function seed() {
    ctx.clock.set('2026-03-02T00:00:00.000Z');
    await asSecretKey(ctx, 'POST', '/v1/admin/surveys', {
      id: 'nps-1',
      name: 'Quarterly NPS',
      type: 'nps',
      question: 'Recommend us?',
    });
    await ingest(ctx, [
      message('identify', {
        ...as('ada', 'anon-1'),
        id: 'i1',
        timestamp: at(1),
        traits: { email: 'ada@example.com', company: 'Analytical Engines', plan: 'pro' },
      }),
      message('identify', {
        ...as('bob', 'anon-3'),
        id: 'i2',
        timestamp: at(2),
        traits: { email: 'bob@shop.io', company: 'Shop 100%' },
      }),
      message('identify', {
        ...as('ada', 'anon-2'),
        id: 'i3',
        timestamp: at(3),
        traits: { plan: 'team' },
      }),
      message('identify', { ...as('carol', 'anon-4'), id: 'i4', timestamp: at(4) }),
      message('feedback', {
        ...as('carol', 'anon-4'),
        id: 'f1',
        timestamp: at(4),
        message: 'Hello',
        email: 'carol@mail.test',
      }),
      message('identify', { ...as('a_b', 'anon-5'), id: 'i5', timestamp: at(5) }),
      message('identify', { ...as('axb', 'anon-6'), id: 'i6', timestamp: at(6) }),
      message('page', {
        anonymousId: 'anon-anonymous',
        id: 'p1',
        timestamp: at(7),
        url: 'https://shop.example/',
      }),
      message('feedback', {
        ...as('ada', 'anon-2'),
        id: 'f2',
        timestamp: at(8),
        message: 'Nice shop',
      }),
      message('survey_response', {
        ...as('ada', 'anon-2'),
        id: 'r1',
        timestamp: at(9),
        surveyId: 'nps-1',
        score: 9,
        comment: 'Great',
      }),
    ]);
    await earnPoints(
      ctx.store.db,
      'proj_test',
      { id: 'e1', userId: 'ada', points: 120, reason: 'Order' },
      new Date(at(10)),
    );
  }

  async function ids(query: string) {
    const res = await asSecretKey(ctx, 'GET', `/v1/admin/customers?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body.items.map((item: { userId: string }) => item.userId);
  }

  it('lists identified customers most recently seen first, with merged traits, counts and balance', async () => {
    await seed();
    const res = await asSecretKey(ctx, 'GET', '/v1/admin/customers');
    expect(res.body.items.map((item: { userId: string }) => item.userId)).toEqual([
      'ada',
      'axb',
      'a_b',
      'carol',
      'bob',
    ]);
    expect(res.body.items[0]).toEqual({
      userId: 'ada',
      email: 'ada@example.com',
      // The browser seen last wins a conflict; the others' traits stay.
      traits: { email: 'ada@example.com', company: 'Analytical Engines', plan: 'team' },
      lastSeenAt: at(9),
      feedbackCount: 1,
      loyaltyBalance: 120,
    });
    expect(res.body.items[3]).toMatchObject({
      userId: 'carol',
      email: 'carol@mail.test',
      loyaltyBalance: null,
    });
    const first = await asSecretKey(ctx, 'GET', '/v1/admin/customers?limit=2');
    const second = await asSecretKey(
      ctx,
      'GET',
      `/v1/admin/customers?limit=2&cursor=${first.body.nextCursor}`,
    );
    const third = await asSecretKey(
      ctx,
      'GET',
      `/v1/admin/customers?limit=2&cursor=${second.body.nextCursor}`,
    );
    expect(
      [...first.body.items, ...second.body.items, ...third.body.items].map(
        (item: { userId: string }) => item.userId,
      ),
    ).toEqual(['ada', 'axb', 'a_b', 'carol', 'bob']);
    expect(third.body.nextCursor).toBeUndefined();
  });

  it('searches by user id, email or any trait value, case-insensitively and literally', async () => {
    await seed();
    expect(await ids('q=ADA')).toEqual(['ada']);
    expect(await ids('q=example.COM')).toEqual(['ada']);
    expect(await ids('q=analytical')).toEqual(['ada']);
    expect(await ids('q=team')).toEqual(['ada']);
    expect(await ids('q=carol@mail')).toEqual(['carol']);
    expect(await ids('q=100%25')).toEqual(['bob']);
    expect(await ids('q=a_b')).toEqual(['a_b']);
    expect(await ids('q=zzz')).toEqual([]);
    expect((await asSecretKey(ctx, 'GET', `/v1/admin/customers?q=${'x'.repeat(201)}`)).status).toBe(
      400,
    );
    expect((await asSecretKey(ctx, 'GET', '/v1/admin/customers?cursor=bad')).status).toBe(400);
  });

  it('shows a profile with browsers, loyalty, survey answers and feedback; 404 for a stranger', async () => {
    await seed();
    const res = await asSecretKey(ctx, 'GET', '/v1/admin/customers/ada');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      userId: 'ada',
      email: 'ada@example.com',
      anonymousIds: ['anon-1', 'anon-2'],
      firstSeenAt: at(1),
      lastSeenAt: at(9),
      loyalty: { balance: 120, tier: null },
      surveyAnswers: [
        {
          id: 'r1',
          surveyId: 'nps-1',
          surveyName: 'Quarterly NPS',
          type: 'nps',
          score: 9,
          comment: 'Great',
        },
      ],
    });
    expect(res.body.feedback.map((item: { id: string }) => item.id)).toEqual(['f2']);
    const stranger = await asSecretKey(ctx, 'GET', '/v1/admin/customers/nobody');
    expect([stranger.status, stranger.body.error.code]).toEqual([404, 'not_found']);
  });
});
