import { describe, expect, it } from 'vitest';
import { userHashOf } from '../src/identity';
import { updateWidget } from '../src/store/project-updates';
import { databases } from './helpers/databases';
import { message, send } from './helpers/requests';
import { IDENTITY_SECRET, SK, useTestApp } from './helpers/test-app';

const HOSTILE = '<img src=x onerror="alert(1)">';

describe.each(databases)('tier greetings and display traits on $name', (database) => {
  const ctx = useTestApp(database);

  async function loyaltyOf(userId: string) {
    const query = new URLSearchParams({ userId, userHash: userHashOf(IDENTITY_SECRET, userId) });
    const res = await send(ctx.app, 'GET', `/v1/loyalty?${query}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  it('stores a greeting per tier and gives the customer their tier with it', async () => {
    const tiers = [
      { name: 'Bronze', threshold: 0 },
      {
        name: 'Gold',
        threshold: 100,
        greeting: 'Welcome back, {firstName|friend}: Gold suits you',
      },
    ];
    const put = await send(ctx.app, 'PUT', '/v1/admin/loyalty/tiers', tiers, { key: SK });
    expect(put.status).toBe(200);
    expect(put.body.items).toEqual(tiers);
    await send(
      ctx.app,
      'POST',
      '/v1/admin/loyalty/earn',
      { id: 'e-1', userId: 'ana', points: 150, reason: 'Welcome' },
      { key: SK },
    );
    const view = await loyaltyOf('ana');
    expect(view.tier).toEqual(tiers[1]);
    // A tier without one has none: the widget shows its default.
    expect((await loyaltyOf('ben')).tier).toEqual({ name: 'Bronze', threshold: 0 });

    for (const greeting of ['', 'x'.repeat(501), 42]) {
      const bad = await send(
        ctx.app,
        'PUT',
        '/v1/admin/loyalty/tiers',
        [{ name: 'Gold', threshold: 100, greeting }],
        { key: SK },
      );
      expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_body']);
    }
  });

  it('delivers to the proven user only the verified scalar traits the widget texts name', async () => {
    await updateWidget(ctx.store.db, 'proj_test', {
      widgetConfig: {
        texts: { title: 'Hi {firstName|there}, how can we help?' },
        textsByLocale: { fr: { title: 'Bonjour {firstName|}, offre {plan} ?' } },
      },
    });
    await send(
      ctx.app,
      'PUT',
      '/v1/admin/loyalty/tiers',
      [{ name: 'Bronze', threshold: 0, greeting: '{company} thanks you, {tags}' }],
      { key: SK },
    );
    await send(ctx.app, 'POST', '/v1/batch', {
      messages: [
        message('identify', {
          anonymousId: 'a-ana',
          userId: 'ana',
          traits: {
            firstName: HOSTILE,
            plan: 'pro',
            email: 'ana@example.test',
            tags: ['beta'],
            company: 'c'.repeat(300),
          },
        }),
        // Someone else's browser claims to be Ana with another name: never shown to her.
        message('identify', {
          anonymousId: 'a-mallory',
          userId: 'ana',
          userHash: undefined,
          traits: { firstName: 'Mallory', seats: 5 },
          timestamp: '2026-03-02T11:30:00.000Z',
        }),
      ],
    });
    const view = await loyaltyOf('ana');
    // The value is delivered as it was sent (the widget inserts it as text); the email, which no
    // text names, and the list, which has no text form, stay on the server.
    expect(view.traits).toEqual({ firstName: HOSTILE, plan: 'pro', company: 'c'.repeat(200) });
    // A user whose backend vouched for no traits gets none.
    expect((await loyaltyOf('ben')).traits).toEqual({});
    // Without the proof, nothing personal at all.
    const claimed = await send(ctx.app, 'GET', '/v1/loyalty?userId=ana');
    expect(claimed.status).toBe(401);
  });
});
