import { createHash } from 'node:crypto';
import type { LoyaltyActivity, LoyaltyView, Member, Tier } from '@rapport/protocol';
import { type Kysely, sql } from 'kysely';
import { displayTraitsOf, namedTraits } from './display-traits';
import { REDEMPTION_ENTRY } from './loyalty-ledger';
import { listRewards, listTiers, listWaysToEarn } from './loyalty-program';
import type { Project } from './projects';
import { isoOf } from './rows';
import type { Database } from './schema';

/** How many ledger entries the widget and the admin API show. */
const ACTIVITY_LIMIT = 20;

/** The tier reached with `lifetime` points, and the next one. */
export function tierProgress(tiers: Tier[], lifetime: number) {
  const sorted = [...tiers].sort((a, b) => a.threshold - b.threshold);
  const tier = sorted.filter((t) => t.threshold <= lifetime).at(-1) ?? null;
  const nextTier = sorted.find((t) => t.threshold > lifetime) ?? null;
  const floor = tier?.threshold ?? 0;
  const progress = nextTier
    ? Math.min(1, Math.max(0, (lifetime - floor) / (nextTier.threshold - floor)))
    : 1;
  return {
    tier,
    nextTier,
    progress,
    pointsToNextTier: nextTier ? nextTier.threshold - lifetime : 0,
  };
}

/** A stable, non-secret referral code for a member (derived, not stored). */
export function referralCodeOf(projectId: string, userId: string): string {
  return createHash('sha256')
    .update(`${projectId}\u0000${userId}`)
    .digest('hex')
    .slice(0, 10)
    .toUpperCase();
}

async function memberRow(db: Kysely<Database>, projectId: string, userId: string) {
  const row = await db
    .selectFrom('loyalty_members')
    .select(['balance', 'lifetime_points'])
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { balance: Number(row?.balance ?? 0), lifetime: Number(row?.lifetime_points ?? 0) };
}

async function activityOf(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<LoyaltyActivity[]> {
  const rows = await db
    .selectFrom('loyalty_ledger')
    .select(['id', 'points', 'reason', 'created_at'])
    // A redemption's entry is `redemption:<id>`: its code, if the reward handed one out.
    .select(
      sql<string | null>`(SELECT r.code FROM redemptions r
        WHERE r.project_id = loyalty_ledger.project_id
          AND loyalty_ledger.id LIKE ${`${REDEMPTION_ENTRY}%`}
          AND r.id = substring(loyalty_ledger.id from CAST(${REDEMPTION_ENTRY.length + 1} AS integer)))`.as(
        'code',
      ),
    )
    .where('project_id', '=', projectId)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(ACTIVITY_LIMIT)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    points: Number(row.points),
    reason: row.reason,
    createdAt: isoOf(row.created_at),
    ...(row.code !== null && { code: row.code }),
  }));
}

/**
 * `GET /v1/loyalty`: everything the widget's loyalty panel shows for one customer, with the
 * verified traits its texts name (the caller has proven the user).
 */
export async function loyaltyViewOf(
  db: Kysely<Database>,
  project: Pick<Project, 'id' | 'widgetConfig'>,
  userId: string,
): Promise<LoyaltyView> {
  const projectId = project.id;
  const [member, tiers, rewards, waysToEarn, activity] = await Promise.all([
    memberRow(db, projectId, userId),
    listTiers(db, projectId),
    listRewards(db, projectId, true),
    listWaysToEarn(db, projectId),
    activityOf(db, projectId, userId),
  ]);
  const names = namedTraits(project.widgetConfig, tiers);
  const traits = await displayTraitsOf(db, projectId, userId, names);
  return {
    balance: member.balance,
    lifetimePoints: member.lifetime,
    ...tierProgress(tiers, member.lifetime),
    rewards,
    waysToEarn,
    activity,
    referralCode: referralCodeOf(projectId, userId),
    traits,
  };
}

/** `GET /v1/admin/loyalty/members/:userId`. */
export async function memberOf(
  db: Kysely<Database>,
  projectId: string,
  userId: string,
): Promise<Member> {
  const [member, tiers, activity] = await Promise.all([
    memberRow(db, projectId, userId),
    listTiers(db, projectId),
    activityOf(db, projectId, userId),
  ]);
  return {
    userId,
    balance: member.balance,
    lifetimePoints: member.lifetime,
    tier: tierProgress(tiers, member.lifetime).tier,
    activity,
  };
}
