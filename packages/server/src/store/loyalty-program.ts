import type { Reward, Tier, WayToEarn } from '@rapport/protocol';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, RewardsTable } from './schema';

/** A reward row with the number of its codes not handed out yet. */
type RewardRow = Selectable<RewardsTable> & { free_codes: number | string | null };

function toReward(row: RewardRow): Reward {
  const reward: Reward = {
    id: row.id,
    name: row.name,
    cost: Number(row.cost),
    active: row.active,
    // With codes, what is left is the free codes; otherwise the stock column (null: no limit).
    stock: row.uses_codes ? Number(row.free_codes ?? 0) : row.stock,
    perCustomerLimit: row.per_customer_limit,
    usesCodes: row.uses_codes,
  };
  if (row.description !== null) reward.description = row.description;
  return reward;
}

/** The rewards table with each reward's free codes counted. */
function rewardsWithCodes(db: Kysely<Database>, projectId: string) {
  return db
    .selectFrom('rewards')
    .selectAll('rewards')
    .select(
      sql<string>`(SELECT count(*) FROM reward_codes c WHERE c.project_id = rewards.project_id
        AND c.reward_id = rewards.id AND c.redemption_id IS NULL)`.as('free_codes'),
    )
    .where('project_id', '=', projectId);
}

/** Rewards of a project, cheapest first; `activeOnly` for what customers may redeem. */
export async function listRewards(
  db: Kysely<Database>,
  projectId: string,
  activeOnly = false,
): Promise<Reward[]> {
  let query = rewardsWithCodes(db, projectId);
  if (activeOnly) query = query.where('active', '=', true);
  return (await query.orderBy('cost').orderBy('id').execute()).map(toReward);
}

/** One reward of a project, or undefined. */
export async function getReward(db: Kysely<Database>, projectId: string, id: string) {
  const row = await rewardsWithCodes(db, projectId).where('id', '=', id).executeTakeFirst();
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
      stock: reward.stock ?? null,
      per_customer_limit: reward.perCustomerLimit ?? null,
      uses_codes: reward.usesCodes ?? false,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['project_id', 'id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? getReward(db, projectId, row.id) : undefined;
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
      ...(patch.stock !== undefined && { stock: patch.stock }),
      ...(patch.perCustomerLimit !== undefined && { per_customer_limit: patch.perCustomerLimit }),
      ...(patch.usesCodes !== undefined && { uses_codes: patch.usesCodes }),
    })
    .where('project_id', '=', projectId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row ? getReward(db, projectId, id) : undefined;
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
    .select(['name', 'threshold', 'greeting'])
    .where('project_id', '=', projectId)
    .orderBy('threshold')
    .execute();
  return rows.map((row) => ({
    name: row.name,
    threshold: Number(row.threshold),
    ...(row.greeting !== null && { greeting: row.greeting }),
  }));
}

/** Replaces the whole tier list in one transaction. */
export async function replaceTiers(db: Kysely<Database>, projectId: string, tiers: Tier[]) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('loyalty_tiers').where('project_id', '=', projectId).execute();
    if (tiers.length === 0) return;
    await trx
      .insertInto('loyalty_tiers')
      .values(
        tiers.map(({ name, threshold, greeting }) => ({
          project_id: projectId,
          name,
          threshold,
          greeting: greeting ?? null,
        })),
      )
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
