import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { NotFoundError } from '../errors';
import { userHashOf } from '../identity';

/**
 * `GET /demo/identity?userId=demo-customer` → `{ userId, userHash }`.
 *
 * DEMO ONLY. This route hands out userHashes to anyone, which is exactly what the hash exists
 * to prevent: in production the site's own backend computes the hash for the signed-in user.
 * It exists only so the demo page can sign in the seeded customer, only for seeded user ids,
 * and only when the CLI seeded the demo. It must never exist in production.
 */
export function demoIdentityRoutes(identitySecret: string, userIds: string[]): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/demo/identity', (c) => {
    const userId = c.req.query('userId') ?? '';
    if (!userIds.includes(userId)) {
      throw new NotFoundError(
        `Only the seeded demo customers have a demo identity: ${userIds.join(', ')}.`,
      );
    }
    return c.json({ userId, userHash: userHashOf(identitySecret, userId) });
  });
}
