import type { Reward, Tier, WayToEarn } from '@rapport/protocol';
import type { Kysely, Selectable } from 'kysely';
import type { Database, RewardsTable } from './schema';

function toReward(row: Selectable<RewardsTable>): Reward {
  const reward: Reward = { id: row.id, name: row.name, cost: Number(row.cost), active: row.active };
  if (row.description !== null) reward.description = row.description;
  return reward;
}

/** Rewards of a project, cheapest first; `activeOnly` for what customers may redeem. */
export async function listRewards(
  db: Kysely<Database>,
  projectId: string,
  activeOnly = false,
): Promise<Reward[]> {
  let query = db.selectFrom('rewards').selectAll().where('project_id', '=', projectId);
  if (activeOnly) query = query.where('active', '=', true);
  return (await query.orderBy('cost').orderBy('id').execute()).map(toReward);
}

/** One reward of a project, or undefined. */
export async function getReward(db: Kysely<Database>, projectId: string, id: string) {
  const row = await db
    .selectFrom('rewards')
    .selectAll()
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toReward(row) : undefined;
}

/** Inserts a reward; undefined when the id is taken. */
export async function createReward(
  db: Kysely<Database>,
  projectId: string,
  reward: Reward,
  now: Date,
): Promise<Reward | undefined> {
  const row = await db
    .insertInto('rewards')
    .values({
      project_id: projectId,
      id: reward.id,
      name: reward.name,
      cost: reward.cost,
      description: reward.description ?? null,
      active: reward.active,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['project_id', 'id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return row ? toReward(row) : undefined;
}

/** Applies a partial update; undefined when there is no such reward. */
export async function updateReward(
  db: Kysely<Database>,
  projectId: string,
  id: string,
  patch: Partial<Omit<Reward, 'id'>>,
): Promise<Reward | undefined> {
  if (Object.keys(patch).length === 0) return getReward(db, projectId, id);
  const row = await db
    .updateTable('rewards')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.cost !== undefined && { cost: patch.cost }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.active !== undefined && { active: patch.active }),
    })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row ? toReward(row) : undefined;
}

/** Deletes a reward (past redemptions keep their cost); false when there was none. */
export async function deleteReward(db: Kysely<Database>, projectId: string, id: string) {
  const result = await db
    .deleteFrom('rewards')
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Tiers, lowest threshold first. */
export async function listTiers(db: Kysely<Database>, projectId: string): Promise<Tier[]> {
  const rows = await db
    .selectFrom('loyalty_tiers')
    .select(['name', 'threshold'])
    .where('project_id', '=', projectId)
    .orderBy('threshold')
    .execute();
  return rows.map((row) => ({ name: row.name, threshold: Number(row.threshold) }));
}

/** Replaces the whole tier list in one transaction. */
export async function replaceTiers(db: Kysely<Database>, projectId: string, tiers: Tier[]) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('loyalty_tiers').where('project_id', '=', projectId).execute();
    if (tiers.length === 0) return;
    await trx
      .insertInto('loyalty_tiers')
      .values(tiers.map((tier) => ({ project_id: projectId, ...tier })))
      .execute();
  });
}

/** Ways to earn points, in the order the site owner gave them. */
export async function listWaysToEarn(
  db: Kysely<Database>,
  projectId: string,
): Promise<WayToEarn[]> {
  const rows = await db
    .selectFrom('ways_to_earn')
    .select(['label', 'points'])
    .where('project_id', '=', projectId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ label: row.label, points: Number(row.points) }));
}

/** Replaces the ways to earn shown in the widget. */
export async function replaceWaysToEarn(
  db: Kysely<Database>,
  projectId: string,
  ways: WayToEarn[],
) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('ways_to_earn').where('project_id', '=', projectId).execute();
    if (ways.length === 0) return;
    await trx
      .insertInto('ways_to_earn')
      .values(ways.map((way, position) => ({ project_id: projectId, position, ...way })))
      .execute();
  });
}
