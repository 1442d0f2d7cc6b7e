import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { databases } from './helpers/databases';
import { memberWithReward } from './helpers/loyalty';
import { send } from './helpers/requests';
import { IDENTITY_SECRET, SK, useTestApp } from './helpers/test-app';

const USER = 'collector';
// Computed here, not with the product's userHashOf: HMAC-SHA256 of the user id under the secret.
const HASH = createHmac('sha256', IDENTITY_SECRET).update(USER).digest('hex');

describe.each(databases)('a reward switched off on $name', (database) => {
  const ctx = useTestApp(database);

  it('answers 404 to a redeem, charges nothing and records no redemption; switched on again, it redeems', async () => {
    await memberWithReward(ctx.store, USER, 500, 300, ctx.clock());
    const off = await send(
      ctx.app,
      'PATCH',
      '/v1/admin/loyalty/rewards/reward-1',
      { active: false },
      { key: SK },
    );
    expect(off.body).toMatchObject({ id: 'reward-1', active: false });

    const redeem = (id: string) =>
      send(ctx.app, 'POST', '/v1/loyalty/redeem', {
        id,
        userId: USER,
        userHash: HASH,
        rewardId: 'reward-1',
      });
    const refused = await redeem('redeem-off');
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('not_found');
    const member = await ctx.store.db
      .selectFrom('loyalty_members')
      .select('balance')
      .where('user_id', '=', USER)
      .executeTakeFirstOrThrow();
    expect(Number(member.balance)).toBe(500);
    const redemptions = await ctx.store.db.selectFrom('redemptions').select('id').execute();
    expect(redemptions).toEqual([]);

    await send(
      ctx.app,
      'PATCH',
      '/v1/admin/loyalty/rewards/reward-1',
      { active: true },
      { key: SK },
    );
    // The refused id was not kept: the same id redeems once the reward is back.
    expect((await redeem('redeem-off')).body).toMatchObject({
      cost: 300,
      balance: 200,
      duplicate: false,
    });
  });
});
