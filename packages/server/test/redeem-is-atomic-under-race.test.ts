import { describe, expect, it } from 'vitest';
import { userHashOf } from '../src/identity';
import { databases } from './helpers/databases';
import { memberWithReward } from './helpers/loyalty';
import { send } from './helpers/requests';
import { IDENTITY_SECRET, SK, useTestApp } from './helpers/test-app';

const USER = 'racer';
const HASH = userHashOf(IDENTITY_SECRET, USER);

describe.each(databases)('loyalty redeem on $name', (database) => {
  const ctx = useTestApp(database);

  it('lets exactly one of 50 concurrent redeems of the whole balance win', async () => {
    await memberWithReward(ctx.store, USER, 1000, 1000, ctx.clock());
    const attempts = Array.from({ length: 50 }, (_, i) =>
      send(ctx.app, 'POST', '/v1/loyalty/redeem', {
        id: `redeem-${i}`,
        userId: USER,
        userHash: HASH,
        rewardId: 'reward-1',
      }),
    );
    const results = await Promise.all(attempts);
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('insufficient_points');
    const member = await ctx.store.db
      .selectFrom('loyalty_members')
      .select('balance')
      .where('user_id', '=', USER)
      .executeTakeFirstOrThrow();
    expect(Number(member.balance)).toBe(0);
    const ledger = await ctx.store.db
      .selectFrom('loyalty_ledger')
      .select('points')
      .where('user_id', '=', USER)
      .execute();
    expect(ledger.reduce((sum, row) => sum + Number(row.points), 0)).toBe(0);
  });

  it('charges a repeated redemption id once and reports it as a duplicate', async () => {
    await memberWithReward(ctx.store, USER, 2500, 1000, ctx.clock());
    const body = { id: 'redeem-once', userId: USER, userHash: HASH, rewardId: 'reward-1' };
    const first = await send(ctx.app, 'POST', '/v1/loyalty/redeem', body);
    const second = await send(ctx.app, 'POST', '/v1/loyalty/redeem', body);
    expect(first.body).toMatchObject({ balance: 1500, cost: 1000, duplicate: false });
    expect(second.body).toMatchObject({ balance: 1500, duplicate: true });
  });

  it('answers 409, never 500, when two users race with the same redemption id', async () => {
    await memberWithReward(ctx.store, USER, 1000, 100, ctx.clock());
    const other = 'other-racer';
    await send(
      ctx.app,
      'POST',
      '/v1/admin/loyalty/earn',
      { id: 'seed-o', userId: other, points: 1000, reason: 'Seed' },
      { key: SK },
    );
    const bodies = [USER, other].map((userId) => ({
      id: 'shared-id',
      userId,
      userHash: userHashOf(IDENTITY_SECRET, userId),
      rewardId: 'reward-1',
    }));
    const results = await Promise.all(
      bodies.map((body) => send(ctx.app, 'POST', '/v1/loyalty/redeem', body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('conflict');
  });

  it('earns idempotently on id through the admin API, and never deducts below zero', async () => {
    const earn = { id: 'order-42', userId: USER, points: 300, reason: 'Order #42' };
    const first = await send(ctx.app, 'POST', '/v1/admin/loyalty/earn', earn, { key: SK });
    const again = await send(ctx.app, 'POST', '/v1/admin/loyalty/earn', earn, { key: SK });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ balance: 300, duplicate: false });
    expect(again.body).toMatchObject({ balance: 300, duplicate: true });
    const deduct = { id: 'fix-1', userId: USER, points: -301, reason: 'Correction' };
    const refused = await send(ctx.app, 'POST', '/v1/admin/loyalty/earn', deduct, { key: SK });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('insufficient_points');
    const member = await send(ctx.app, 'GET', `/v1/admin/loyalty/members/${USER}`, undefined, {
      key: SK,
    });
    expect(member.body).toMatchObject({ userId: USER, balance: 300, lifetimePoints: 300 });
    expect(member.body.activity).toHaveLength(1);
  });

  it('shows balance, tier and progress to the next tier', async () => {
    await send(
      ctx.app,
      'PUT',
      '/v1/admin/loyalty/tiers',
      [
        { name: 'Bronze', threshold: 0 },
        { name: 'Silver', threshold: 500 },
        { name: 'Gold', threshold: 1500 },
      ],
      { key: SK },
    );
    await memberWithReward(ctx.store, USER, 1000, 400, ctx.clock());
    const view = await send(ctx.app, 'GET', `/v1/loyalty?userId=${USER}&userHash=${HASH}`);
    expect(view.body).toMatchObject({
      balance: 1000,
      tier: { name: 'Silver', threshold: 500 },
      nextTier: { name: 'Gold', threshold: 1500 },
      progress: 0.5,
      pointsToNextTier: 500,
    });
    expect(view.body.referralCode).toMatch(/^[0-9A-F]{10}$/);
  });
});
