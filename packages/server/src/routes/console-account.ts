import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../app-env';
import { digestEnabled, setDigestEnabled } from '../email/digest-claims';
import { requireCsrf } from '../middleware/csrf';
import { requireSession } from '../middleware/session';
import { parseBody } from '../parse-input';

/** `PUT /v1/console/account/digest` body. */
const digestInputSchema = z.object({ enabled: z.boolean() }).strict();

/**
 * The signed-in teammate's own email settings: the daily digest of new feedback in their
 * projects, off until they turn it on (sent only when the server has `SMTP_URL`).
 * `GET` → `{ enabled }`; `PUT { enabled }` (CSRF-checked) → `{ enabled }`.
 */
export function consoleAccountRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  return new Hono<AppEnv>()
    .get('/account/digest', async (c) => {
      const session = requireSession(c);
      return c.json({ enabled: await digestEnabled(db, session.user.id) });
    })
    .put('/account/digest', async (c) => {
      const session = requireSession(c);
      requireCsrf(c, deps, session);
      const input = await parseBody(c, digestInputSchema);
      await setDigestEnabled(db, session.user.id, input.enabled, deps.clock());
      return c.json({ enabled: input.enabled });
    });
}
