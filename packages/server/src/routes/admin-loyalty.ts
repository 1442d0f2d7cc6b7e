import { randomUUID } from 'node:crypto';
import {
  earnRequestSchema,
  type Page,
  type Reward,
  rewardInputSchema,
  rewardPatchSchema,
  tierSchema,
  userIdSchema,
} from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../app-env';
import { ConflictError, InvalidQueryError, NotFoundError } from '../errors';
import { parseBody, parsePatchBody } from '../parse-input';
import { earnPoints } from '../store/loyalty-ledger';
import {
  createReward,
  deleteReward,
  getReward,
  listRewards,
  listTiers,
  replaceTiers,
  updateReward,
} from '../store/loyalty-program';
import { memberOf } from '../store/loyalty-view';

const tierListSchema = z
  .array(tierSchema)
  .max(20)
  .refine((tiers) => new Set(tiers.map((t) => t.name)).size === tiers.length, {
    message: 'tier names must be unique',
  });

function missingReward(id: string) {
  return new NotFoundError(`No reward with id ${id.slice(0, 128)}.`);
}

/** Loyalty administration: earn/deduct points, rewards CRUD, tiers, member lookup. */
export function adminLoyaltyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .post('/loyalty/earn', async (c) => {
      const entry = await parseBody(c, earnRequestSchema);
      return c.json(await earnPoints(db, c.get('project').id, entry, deps.clock()));
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
    .get('/loyalty/members/:userId', async (c) => {
      const userId = userIdSchema.safeParse(c.req.param('userId'));
      if (!userId.success) throw new InvalidQueryError('userId: 1–128 characters.');
      return c.json(await memberOf(db, c.get('project').id, userId.data));
    });
}
