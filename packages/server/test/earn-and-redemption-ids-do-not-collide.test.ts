import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { userHashOf } from '../src/identity';
import { databases } from './helpers/databases';
import { memberWithReward } from './helpers/loyalty';
import { send } from './helpers/requests';
import { IDENTITY_SECRET, SK, useTestApp } from './helpers/test-app';

const USER = 'ledger-user';
const HASH = userHashOf(IDENTITY_SECRET, USER);

describe.each(databases)('loyalty ledger id namespaces on $name', (database) => {
  const ctx = useTestApp(database);
  const earn = (id: string, points: number) =>
    send(
      ctx.app,
      'POST',
      '/v1/admin/loyalty/earn',
      { id, userId: USER, points, reason: 'Bonus' },
      { key: SK },
    );
  const redeem = (id: string) =>
    send(ctx.app, 'POST', '/v1/loyalty/redeem', {
      id,
      userId: USER,
      userHash: HASH,
      rewardId: 'reward-1',
    });
  const balance = async () =>
    (await send(ctx.app, 'GET', `/v1/admin/loyalty/members/${USER}`, undefined, { key: SK })).body
      .balance;

  it('applies an earn whose id looks like an earlier redemption entry', async () => {
    await memberWithReward(ctx.store, USER, 1000, 300, ctx.clock());
    expect((await redeem('r1')).body).toMatchObject({ balance: 700, duplicate: false });
    const bonus = await earn('redemption:r1', 50);
    expect(bonus.status).toBe(200);
    expect(bonus.body).toMatchObject({ balance: 750, duplicate: false });
    expect(await balance()).toBe(750);
  });

  it('redeems after an earn took the id the redemption entry would have had', async () => {
    await memberWithReward(ctx.store, USER, 1000, 300, ctx.clock());
    expect((await earn('redemption:r2', 50)).body).toMatchObject({ balance: 1050 });
    const redeemed = await redeem('r2');
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({ balance: 750, duplicate: false });
    expect(await balance()).toBe(750);
  });

  it('still treats a repeated earn id as the same entry', async () => {
    await memberWithReward(ctx.store, USER, 0, 300, ctx.clock());
    expect((await earn('e1', 40)).body).toMatchObject({ balance: 40, duplicate: false });
    expect((await earn('e1', 40)).body).toMatchObject({ balance: 40, duplicate: true });
  });

  it('migration 0004 files earns stored before it under earn: and leaves redemptions', async () => {
    const { db } = ctx.store;
    const at = ctx.clock();
    const entry = (id: string, points: number) => ({
      project_id: 'proj_test',
      id,
      user_id: USER,
      points,
      reason: 'old',
      created_at: at,
    });
    await db
      .insertInto('loyalty_ledger')
      .values([entry('seed-1', 500), entry('redemption:r9', -100), entry('redemption:zz', 5)])
      .execute();
    await db
      .insertInto('redemptions')
      .values({
        project_id: 'proj_test',
        id: 'r9',
        user_id: USER,
        reward_id: 'w',
        cost: 100,
        created_at: at,
      })
      .execute();
    const migration = await readFile(
      new URL('../src/migrations/0004-ledger-namespaces.sql', import.meta.url),
      'utf8',
    );
    await sql.raw(migration).execute(db);
    const ids = await db.selectFrom('loyalty_ledger').select('id').orderBy('id').execute();
    expect(ids.map((row) => row.id)).toEqual([
      'earn:redemption:zz',
      'earn:seed-1',
      'redemption:r9',
    ]);
  });
});
