import type { RedeemResponse } from '@rapport/protocol';
import type { Kysely, Transaction } from 'kysely';
import {
  ConflictError,
  InsufficientPointsError,
  NotFoundError,
  OutOfStockError,
  RedeemLimitError,
} from '../errors';
import { enqueueTierChange, enqueueWebhookEvent } from '../webhooks/enqueue';
import { takeRewardCode } from './reward-codes';
import type { Database } from './schema';

/*
 * Ledger ids carry their kind, so an admin earn and a redemption can never claim the same id
 * (issue 9, item 9; migration 0004 renamed the earns stored before).
 */
/** Ledger entries of redemptions are filed under this prefix plus the redemption id. */
export const REDEMPTION_ENTRY = 'redemption:';
/** Ledger entries of admin earns and deductions: this prefix plus the caller's entry id. */
const EARN_ENTRY = 'earn:';

/**
 * Creates the member row if needed and locks it for the rest of the transaction. Every balance
 * change goes through here, so two changes to one member never interleave.
 */
async function lockMember(
  trx: Transaction<Database>,
  projectId: string,
  userId: string,
  now: Date,
): Promise<{ balance: number; lifetime: number }> {
  await trx
    .insertInto('loyalty_members')
    .values({
      project_id: projectId,
      user_id: userId,
      balance: 0,
      lifetime_points: 0,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['project_id', 'user_id']).doNothing())
    .execute();
  const row = await trx
    .selectFrom('loyalty_members')
    .select(['balance', 'lifetime_points'])
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return { balance: Number(row.balance), lifetime: Number(row.lifetime_points) };
}

async function applyEntry(
  trx: Transaction<Database>,
  entry: { projectId: string; id: string; userId: string; points: number; reason: string },
  now: Date,
) {
  await trx
    .updateTable('loyalty_members')
    .set((eb) => ({
      balance: eb('balance', '+', entry.points),
      lifetime_points: eb('lifetime_points', '+', Math.max(entry.points, 0)),
    }))
    .where('project_id', '=', entry.projectId)
    .where('user_id', '=', entry.userId)
    .execute();
  await trx
    .insertInto('loyalty_ledger')
    .values({
      project_id: entry.projectId,
      id: entry.id,
      user_id: entry.userId,
      points: entry.points,
      reason: entry.reason,
      created_at: now,
    })
    .execute();
}

/** What {@link earnPoints} did. */
export interface EarnResult {
  balance: number;
  lifetimePoints: number;
  /** True when this entry id was already in the ledger; nothing changed. */
  duplicate: boolean;
}

/**
 * Adds (or, when negative, deducts) points, idempotent on `id`. A deduction below zero is
 * refused with 409 `insufficient_points`.
 */
export async function earnPoints(
  db: Kysely<Database>,
  projectId: string,
  entry: { id: string; userId: string; points: number; reason: string },
  now: Date,
): Promise<EarnResult> {
  const ledgerId = `${EARN_ENTRY}${entry.id}`;
  return db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, projectId, entry.userId, now);
    const prior = await trx
      .selectFrom('loyalty_ledger')
      .select('user_id')
      .where('project_id', '=', projectId)
      .where('id', '=', ledgerId)
      .executeTakeFirst();
    if (prior) {
      if (prior.user_id !== entry.userId) {
        throw new ConflictError(`Entry id ${entry.id} was already used for another member.`);
      }
      return { balance: member.balance, lifetimePoints: member.lifetime, duplicate: true };
    }
    if (member.balance + entry.points < 0) {
      throw new InsufficientPointsError(member.balance, -entry.points);
    }
    await applyEntry(trx, { projectId, ...entry, id: ledgerId }, now);
    if (entry.points > 0) {
      const change = {
        userId: entry.userId,
        before: member.lifetime,
        after: member.lifetime + entry.points,
      };
      await enqueueTierChange(trx, projectId, change, now);
    }
    return {
      balance: member.balance + entry.points,
      lifetimePoints: member.lifetime + Math.max(entry.points, 0),
      duplicate: false,
    };
  });
}

/**
 * Redeems a reward atomically: locks the member, refuses with 409 when the balance is short,
 * and records the redemption and its ledger entry. The same redemption id twice charges once.
 */
export async function redeemReward(
  db: Kysely<Database>,
  projectId: string,
  request: { id: string; userId: string; rewardId: string },
  now: Date,
): Promise<RedeemResponse> {
  return db.transaction().execute(async (trx) => {
    const member = await lockMember(trx, projectId, request.userId, now);
    const prior = await trx
      .selectFrom('redemptions')
      .select(['user_id', 'reward_id', 'cost', 'code'])
      .where('project_id', '=', projectId)
      .where('id', '=', request.id)
      .executeTakeFirst();
    if (prior) {
      if (prior.user_id !== request.userId) {
        throw new ConflictError(`Redemption id ${request.id} was already used.`);
      }
      const cost = Number(prior.cost);
      return {
        id: request.id,
        rewardId: prior.reward_id,
        cost,
        balance: member.balance,
        duplicate: true,
        ...(prior.code !== null && { code: prior.code }),
      };
    }
    // Locked: the stock, the per-customer count and the codes are read and changed by one
    // redemption of this reward at a time.
    const reward = await trx
      .selectFrom('rewards')
      .select(['name', 'cost', 'stock', 'per_customer_limit', 'uses_codes'])
      .where('project_id', '=', projectId)
      .where('id', '=', request.rewardId)
      .where('active', '=', true)
      .forUpdate()
      .executeTakeFirst();
    if (!reward) throw new NotFoundError(`No active reward with id ${request.rewardId}.`);
    const cost = Number(reward.cost);
    if (member.balance < cost) throw new InsufficientPointsError(member.balance, cost);
    // A reward with codes has as many units as free codes, whatever its stock column says.
    const stock = reward.uses_codes ? null : reward.stock;
    await checkAvailability(trx, projectId, request, { ...reward, stock });
    const code = reward.uses_codes
      ? await takeRewardCode(trx, projectId, request.rewardId, request.id)
      : undefined;
    if (reward.uses_codes && code === undefined) throw new OutOfStockError(reward.name);
    const id = `${REDEMPTION_ENTRY}${request.id}`;
    await applyEntry(
      trx,
      { projectId, id, userId: request.userId, points: -cost, reason: `Redeemed: ${reward.name}` },
      now,
    );
    await trx
      .insertInto('redemptions')
      .values({
        project_id: projectId,
        id: request.id,
        user_id: request.userId,
        reward_id: request.rewardId,
        cost,
        code: code ?? null,
        created_at: now,
      })
      .execute();
    const redeemed = {
      projectId,
      redemptionId: request.id,
      userId: request.userId,
      rewardId: request.rewardId,
      cost,
      balance: member.balance - cost,
    };
    await enqueueWebhookEvent(trx, projectId, 'loyalty.redeemed', redeemed, now);
    return {
      id: request.id,
      rewardId: request.rewardId,
      cost,
      balance: member.balance - cost,
      duplicate: false,
      ...(code !== undefined && { code }),
    };
  });
}

/**
 * Refuses a redemption past the reward's per-customer limit or its stock, and takes one unit
 * of a limited stock. The reward's row is locked by the caller.
 */
async function checkAvailability(
  trx: Transaction<Database>,
  projectId: string,
  request: { userId: string; rewardId: string },
  reward: { name: string; stock: number | null; per_customer_limit: number | null },
) {
  const limit = reward.per_customer_limit;
  if (limit !== null) {
    const taken = await trx
      .selectFrom('redemptions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('project_id', '=', projectId)
      .where('user_id', '=', request.userId)
      .where('reward_id', '=', request.rewardId)
      .executeTakeFirstOrThrow();
    if (Number(taken.n) >= limit) throw new RedeemLimitError(reward.name, limit);
  }
  if (reward.stock === null) return;
  if (reward.stock <= 0) throw new OutOfStockError(reward.name);
  await trx
    .updateTable('rewards')
    .set((eb) => ({ stock: eb('stock', '-', 1) }))
    .where('project_id', '=', projectId)
    .where('id', '=', request.rewardId)
    .execute();
}
