import { describe, expect, it, vi } from 'vitest';
import { userHashOf } from '../src/identity';
import { addUser, consoleBrowser } from './helpers/console-session';
import { databases } from './helpers/databases';
import { send } from './helpers/requests';
import { IDENTITY_SECRET, SK, useTestApp } from './helpers/test-app';

vi.setConfig({ testTimeout: 60_000 });

const PROJECT = { 'x-rapport-project': 'proj_test' };
const signed = (userId: string) => ({ userId, userHash: userHashOf(IDENTITY_SECRET, userId) });

describe.each(databases)('reward codes, stock and limits on $name', (database) => {
  const ctx = useTestApp(database);
  const admin = (method: string, path: string, body?: unknown) =>
    send(ctx.app, method, path, body, { key: SK });
  const earn = (userId: string, points: number) =>
    admin('POST', '/v1/admin/loyalty/earn', {
      id: `seed-${userId}`,
      userId,
      points,
      reason: 'Seed',
    });
  const redeem = (id: string, userId: string, rewardId: string) =>
    send(ctx.app, 'POST', '/v1/loyalty/redeem', { id, ...signed(userId), rewardId });

  it('hands each of 5 codes to exactly one of 20 concurrent redeems, and shows it to its customer', async () => {
    const reward = await admin('POST', '/v1/admin/loyalty/rewards', {
      id: 'voucher',
      name: '10 € voucher',
      cost: 100,
      usesCodes: true,
    });
    expect(reward.status).toBe(201);
    const codes = ['SHOP-A1', 'SHOP-B2', 'SHOP-C3', 'SHOP-D4', 'SHOP-E5'];
    const uploaded = await admin('POST', '/v1/admin/loyalty/rewards/voucher/codes', {
      codes: [...codes, 'SHOP-A1'],
    });
    expect(uploaded.body).toEqual({ added: 5, skipped: 1, available: 5 });
    const again = await admin('POST', '/v1/admin/loyalty/rewards/voucher/codes', { codes });
    expect(again.body).toEqual({ added: 0, skipped: 5, available: 5 });
    const users = Array.from({ length: 20 }, (_, i) => `racer-${i}`);
    for (const user of users) await earn(user, 500);

    const results = await Promise.all(users.map((user, i) => redeem(`r-${i}`, user, 'voucher')));
    const won = results.filter((result) => result.status === 200);
    expect(won).toHaveLength(5);
    expect(won.map((result) => result.body.code).sort()).toEqual(codes);
    const lost = results.filter((result) => result.status !== 200);
    expect(lost.map((result) => [result.status, result.body.error.code])).toEqual(
      Array(15).fill([409, 'out_of_stock']),
    );
    // Nobody who lost was charged.
    const balances = await ctx.store.db.selectFrom('loyalty_members').select('balance').execute();
    expect(balances.map((row) => Number(row.balance)).sort()).toEqual([
      ...Array(5).fill(400),
      ...Array(15).fill(500),
    ]);

    // The winner's retry gets the same code; their activity shows it.
    const winner = won[0]?.body;
    const index = results.findIndex((result) => result.body === winner);
    const retry = await redeem(`r-${index}`, `racer-${index}`, 'voucher');
    expect(retry.body).toMatchObject({ duplicate: true, code: winner.code, balance: 400 });
    const view = await send(
      ctx.app,
      'GET',
      `/v1/loyalty?userId=racer-${index}&userHash=${signed(`racer-${index}`).userHash}`,
    );
    expect(view.body.activity[0]).toMatchObject({ points: -100, code: winner.code });
    expect(view.body.rewards).toEqual([expect.objectContaining({ id: 'voucher', stock: 0 })]);

    const listed = await admin('GET', '/v1/admin/loyalty/rewards/voucher/codes');
    expect(listed.body.available).toBe(0);
    expect(listed.body.handedOut).toBe(5);
    expect(
      new Set(listed.body.items.map((item: { redemptionId: string }) => item.redemptionId)).size,
    ).toBe(5);
  });

  it('generates unique readable codes, and keeps stock and the per-customer limit', async () => {
    await admin('POST', '/v1/admin/loyalty/rewards', {
      id: 'gen',
      name: 'Gift',
      cost: 10,
      usesCodes: true,
    });
    const generated = await admin('POST', '/v1/admin/loyalty/rewards/gen/codes', { generate: 50 });
    expect(generated.status).toBe(201);
    expect(generated.body).toMatchObject({ added: 50, skipped: 0, available: 50 });
    expect(new Set(generated.body.generated).size).toBe(50);
    for (const code of generated.body.generated) {
      expect(code).toMatch(/^RAP-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    }
    const bad = await admin('POST', '/v1/admin/loyalty/rewards/gen/codes', {
      codes: ['has space'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_body');

    await admin('POST', '/v1/admin/loyalty/rewards', {
      id: 'mug',
      name: 'Mug',
      cost: 10,
      stock: 2,
      perCustomerLimit: 1,
    });
    for (const user of ['ada', 'bob', 'cy']) await earn(user, 100);
    expect((await redeem('m-1', 'ada', 'mug')).status).toBe(200);
    const twice = await redeem('m-2', 'ada', 'mug');
    expect([twice.status, twice.body.error.code]).toEqual([409, 'redeem_limit_reached']);
    expect(twice.body.error.message).toBe('“Mug” can be redeemed once per customer.');
    expect((await redeem('m-3', 'bob', 'mug')).status).toBe(200);
    const gone = await redeem('m-4', 'cy', 'mug');
    expect([gone.status, gone.body.error.code]).toEqual([409, 'out_of_stock']);
    expect((await admin('GET', '/v1/admin/loyalty/rewards/mug')).body).toMatchObject({
      stock: 0,
      perCustomerLimit: 1,
      usesCodes: false,
    });
    // Restocking lets the next customer in.
    await admin('PATCH', '/v1/admin/loyalty/rewards/mug', { stock: 1 });
    expect((await redeem('m-5', 'cy', 'mug')).status).toBe(200);
  });

  it('lists redemptions with their fulfilment, members by balance or search, and audits adjustments', async () => {
    await admin('POST', '/v1/admin/loyalty/rewards', { id: 'cup', name: 'Cup', cost: 5 });
    await admin('PUT', '/v1/admin/loyalty/tiers', [
      { name: 'Bronze', threshold: 0 },
      { name: 'Gold', threshold: 300 },
    ]);
    await earn('zoe', 400);
    await earn('ann', 50);
    await earn('max', 200);
    await redeem('c-1', 'ann', 'cup');
    await redeem('c-2', 'zoe', 'cup');

    const page1 = await admin('GET', '/v1/admin/loyalty/members?limit=2');
    expect(page1.body.items.map((m: { userId: string }) => m.userId)).toEqual(['zoe', 'max']);
    expect(page1.body.items[0]).toMatchObject({ balance: 395, lifetimePoints: 400, tier: 'Gold' });
    const page2 = await admin(
      'GET',
      `/v1/admin/loyalty/members?limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((m: { userId: string }) => m.userId)).toEqual(['ann']);
    expect(page2.body.nextCursor).toBeUndefined();
    const search = await admin('GET', '/v1/admin/loyalty/members?q=A');
    expect(search.body.items.map((m: { userId: string }) => m.userId).sort()).toEqual([
      'ann',
      'max',
    ]);
    const wild = await admin('GET', '/v1/admin/loyalty/members?q=%25');
    expect(wild.body.items).toEqual([]);
    const badCursor = await admin('GET', '/v1/admin/loyalty/members?cursor=nope');
    expect(badCursor.status).toBe(400);

    const listed = await admin('GET', '/v1/admin/loyalty/redemptions');
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual(['c-2', 'c-1']);
    expect(listed.body.items[0]).toMatchObject({
      userId: 'zoe',
      rewardName: 'Cup',
      cost: 5,
      code: null,
      status: 'pending',
      fulfilledAt: null,
    });
    const done = await admin('PATCH', '/v1/admin/loyalty/redemptions/c-1', { status: 'fulfilled' });
    expect(done.body).toMatchObject({
      id: 'c-1',
      status: 'fulfilled',
      fulfilledAt: ctx.clock().toISOString(),
    });
    const pending = await admin('GET', '/v1/admin/loyalty/redemptions?status=pending');
    expect(pending.body.items.map((r: { id: string }) => r.id)).toEqual(['c-2']);
    expect(
      (await admin('PATCH', '/v1/admin/loyalty/redemptions/nope', { status: 'fulfilled' })).status,
    ).toBe(404);

    // A manual adjustment needs a reason and leaves an audit row; a member may not make one,
    // nor read a reward's unused codes.
    const noReason = await admin('POST', '/v1/admin/loyalty/earn', {
      id: 'adj-0',
      userId: 'ann',
      points: 10,
    });
    expect(noReason.status).toBe(400);
    await addUser(ctx.store, 'owner@team.test', { projectId: 'proj_test', role: 'owner' });
    await addUser(ctx.store, 'member@team.test', { projectId: 'proj_test', role: 'member' });
    const owner = consoleBrowser(ctx.app);
    await owner.signIn('owner@team.test');
    const adjusted = await owner.send(
      'POST',
      '/v1/admin/loyalty/earn',
      { id: 'adj-1', userId: 'ann', points: -20, reason: 'Returned order #1042' },
      PROJECT,
    );
    expect(adjusted.status).toBe(200);
    const audit = await owner.send('GET', '/v1/console/projects/proj_test/audit');
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({
        action: 'loyalty_adjusted',
        target: 'ann',
        details: { points: -20, reason: 'Returned order #1042' },
      }),
    );
    const member = consoleBrowser(ctx.app);
    await member.signIn('member@team.test');
    const refused = await member.send(
      'POST',
      '/v1/admin/loyalty/earn',
      { id: 'adj-2', userId: 'ann', points: 1000, reason: 'Me' },
      PROJECT,
    );
    expect(refused.status).toBe(403);
    expect(
      (await member.send('GET', '/v1/admin/loyalty/rewards/cup/codes', undefined, PROJECT)).status,
    ).toBe(403);
    expect(
      (await member.send('GET', '/v1/admin/loyalty/redemptions', undefined, PROJECT)).status,
    ).toBe(200);
  });

  it('replaces the ways to earn the widget lists, in order, and refuses more than 20', async () => {
    const ways = [
      { label: 'Write a review', points: 50 },
      { label: 'Refer a friend', points: 200 },
    ];
    const saved = await admin('PUT', '/v1/admin/loyalty/ways-to-earn', ways);
    expect(saved.body).toEqual({ items: ways });
    await earn('ada', 10);
    const view = await send(
      ctx.app,
      'GET',
      `/v1/loyalty?userId=ada&userHash=${signed('ada').userHash}`,
    );
    expect(view.body.waysToEarn).toEqual(ways);
    const many = Array.from({ length: 21 }, (_, i) => ({ label: `Way ${i}`, points: i }));
    expect((await admin('PUT', '/v1/admin/loyalty/ways-to-earn', many)).status).toBe(400);
    expect((await admin('GET', '/v1/admin/loyalty/ways-to-earn')).body).toEqual({ items: ways });
  });
});
