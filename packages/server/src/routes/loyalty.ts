import { redeemRequestSchema } from '@rapport/protocol/schemas';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../app-env';
import { parseBody } from '../parse-input';
import { requireIdentity } from '../require-identity';
import { redeemReward } from '../store/loyalty-ledger';
import { loyaltyViewOf } from '../store/loyalty-view';

/** The hash is checked by `requireIdentity` (401), not by the schema (which would say 400). */
const redeemBodySchema = redeemRequestSchema.extend({ userHash: z.unknown().optional() });

/** `GET /v1/loyalty` and `POST /v1/loyalty/redeem`, both behind a valid userHash. */
export function loyaltyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .get('/loyalty', async (c) => {
      const project = c.get('project');
      const userId = requireIdentity(project, c.req.query('userId'), c.req.query('userHash'));
      return c.json(await loyaltyViewOf(db, project, userId));
    })
    .post('/loyalty/redeem', async (c) => {
      const project = c.get('project');
      const body = await parseBody(c, redeemBodySchema);
      const userId = requireIdentity(project, body.userId, body.userHash);
      const result = await redeemReward(
        db,
        project.id,
        { id: body.id, userId, rewardId: body.rewardId },
        deps.clock(),
      );
      return c.json(result);
    });
}
