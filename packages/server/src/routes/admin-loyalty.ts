import { randomUUID } from 'node:crypto';
import {
  earnRequestSchema,
  MAX_WAYS_TO_EARN,
  memberListQuerySchema,
  type Page,
  type Reward,
  redemptionListQuerySchema,
  redemptionPatchSchema,
  rewardCodesInputSchema,
  rewardInputSchema,
  rewardPatchSchema,
  tierSchema,
  userIdSchema,
  wayToEarnSchema,
} from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../app-env';
import { decodeCursor, encodeCursor } from '../cursor';
import { ConflictError, InvalidQueryError, NotFoundError } from '../errors';
import { requireRole } from '../middleware/require-role';
import { parseBody, parsePatchBody, parseQuery } from '../parse-input';
import { type AuditEntry, recordAudit } from '../store/audit-log';
import { earnPoints } from '../store/loyalty-ledger';
import { listMembers } from '../store/loyalty-members';
import {
  createReward,
  deleteReward,
  getReward,
  listRewards,
  listTiers,
  listWaysToEarn,
  replaceTiers,
  replaceWaysToEarn,
  updateReward,
} from '../store/loyalty-program';
import { memberOf } from '../store/loyalty-view';
import { listRedemptions, setRedemptionStatus } from '../store/redemptions';
import { addRewardCodes, listRewardCodes } from '../store/reward-codes';

const tierListSchema = z
  .array(tierSchema)
  .max(20)
  .refine((tiers) => new Set(tiers.map((t) => t.name)).size === tiers.length, {
    message: 'tier names must be unique',
  });

/** The ways to earn the widget lists, in order; at most 20. */
const waysToEarnListSchema = z.array(wayToEarnSchema).max(MAX_WAYS_TO_EARN);

function missingReward(id: string) {
  return new NotFoundError(`No reward with id ${id.slice(0, 128)}.`);
}

/**
 * Loyalty administration: earn/deduct points (audited), rewards CRUD with stock, limits and
 * codes, tiers, members (list and lookup) and redemptions with their fulfilment.
 */
export function adminLoyaltyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .post('/loyalty/earn', async (c) => {
      const actor = requireRole(c, 'admin');
      const entry = await parseBody(c, earnRequestSchema);
      const projectId = c.get('project').id;
      const result = await earnPoints(db, projectId, entry, deps.clock());
      if (!result.duplicate) {
        const details = { points: entry.points, reason: entry.reason };
        const audit: AuditEntry = {
          projectId,
          actor,
          action: 'loyalty_adjusted',
          target: entry.userId,
          details,
        };
        await recordAudit(db, audit, deps.clock());
      }
      return c.json(result);
    })
    .get('/loyalty/members', async (c) => {
      const query = parseQuery(c, memberListQuerySchema);
      return c.json(await listMembers(db, c.get('project').id, query));
    })
    .get('/loyalty/redemptions', async (c) => {
      const query = parseQuery(c, redemptionListQuerySchema);
      const page = await listRedemptions(db, c.get('project').id, {
        ...(query.status && { status: query.status }),
        ...(query.cursor && { after: decodeCursor(query.cursor) }),
        limit: query.limit,
      });
      return c.json({
        items: page.items,
        ...(page.next && { nextCursor: encodeCursor(page.next) }),
      });
    })
    .patch('/loyalty/redemptions/:id', async (c) => {
      const actor = requireRole(c, 'admin');
      const { status } = await parseBody(c, redemptionPatchSchema);
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      const redemption = await setRedemptionStatus(db, projectId, id, status, deps.clock());
      if (!redemption) throw new NotFoundError(`No redemption with id ${id.slice(0, 128)}.`);
      const audit: AuditEntry = {
        projectId,
        actor,
        action: 'redemption_status_changed',
        target: id,
        details: { status },
      };
      await recordAudit(db, audit, deps.clock());
      return c.json(redemption);
    })
    .get('/loyalty/rewards/:id/codes', async (c) => {
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      if (!(await getReward(db, projectId, id))) throw missingReward(id);
      return c.json(await listRewardCodes(db, projectId, id));
    })
    .post('/loyalty/rewards/:id/codes', async (c) => {
      const actor = requireRole(c, 'admin');
      const input = await parseBody(c, rewardCodesInputSchema);
      const id = c.req.param('id');
      const projectId = c.get('project').id;
      if (!(await getReward(db, projectId, id))) throw missingReward(id);
      const added = await addRewardCodes(db, projectId, id, input, deps.clock());
      // Counts only: the codes themselves are as good as the rewards.
      const details = { added: added.added, skipped: added.skipped };
      const audit: AuditEntry = {
        projectId,
        actor,
        action: 'reward_codes_added',
        target: id,
        details,
      };
      await recordAudit(db, audit, deps.clock());
      return c.json(added, 201);
    })
    .get('/loyalty/rewards', async (c) => {
      const page: Page<Reward> = { items: await listRewards(db, c.get('project').id) };
      return c.json(page);
    })
    .post('/loyalty/rewards', async (c) => {
      const input = await parseBody(c, rewardInputSchema);
      const reward = { ...input, id: input.id ?? `rwd_${randomUUID()}` };
      const created = await createReward(db, c.get('project').id, reward, deps.clock());
      if (!created) throw new ConflictError(`A reward with id ${reward.id} already exists.`);
      return c.json(created, 201);
    })
    .get('/loyalty/rewards/:id', async (c) => {
      const reward = await getReward(db, c.get('project').id, c.req.param('id'));
      if (!reward) throw missingReward(c.req.param('id'));
      return c.json(reward);
    })
    .patch('/loyalty/rewards/:id', async (c) => {
      const patch = await parsePatchBody(c, rewardPatchSchema);
      const id = c.req.param('id');
      const reward = await updateReward(db, c.get('project').id, id, patch);
      if (!reward) throw missingReward(id);
      return c.json(reward);
    })
    .delete('/loyalty/rewards/:id', async (c) => {
      const id = c.req.param('id');
      if (!(await deleteReward(db, c.get('project').id, id))) throw missingReward(id);
      return c.body(null, 204);
    })
    .get('/loyalty/tiers', async (c) => {
      return c.json({ items: await listTiers(db, c.get('project').id) });
    })
    .put('/loyalty/tiers', async (c) => {
      const tiers = await parseBody(c, tierListSchema);
      await replaceTiers(db, c.get('project').id, tiers);
      return c.json({ items: await listTiers(db, c.get('project').id) });
    })
    .get('/loyalty/ways-to-earn', async (c) => {
      return c.json({ items: await listWaysToEarn(db, c.get('project').id) });
    })
    .put('/loyalty/ways-to-earn', async (c) => {
      const ways = await parseBody(c, waysToEarnListSchema);
      await replaceWaysToEarn(db, c.get('project').id, ways);
      return c.json({ items: await listWaysToEarn(db, c.get('project').id) });
    })
    .get('/loyalty/members/:userId', async (c) => {
      const userId = userIdSchema.safeParse(c.req.param('userId'));
      if (!userId.success) throw new InvalidQueryError('userId: 1–128 characters.');
      return c.json(await memberOf(db, c.get('project').id, userId.data));
    });
}
