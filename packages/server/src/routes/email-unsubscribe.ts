import { type Context, Hono } from 'hono';
import type { AppDeps, AppEnv } from '../app-env';
import { emailLocaleOf } from '../email/reply-email-texts';
import { unsubscribePage } from '../email/unsubscribe-page';
import {
  findUnsubscribeTarget,
  type UnsubscribeTarget,
  unsubscribe,
} from '../email/unsubscribe-tokens';
import { NotFoundError } from '../errors';
import { noRouteError } from './no-route';

/** Tokens are 32 random bytes in base64url: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The page is the server's own, never the site's: no scripts, no remote content, forms posting
 * back here only, and the link's token kept out of Referer headers and caches.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
};

/**
 * `GET /v1/email/unsubscribe?token=…` asks, and `POST` with the same link unsubscribes at once
 * (RFC 8058 one-click, which mail clients send as `List-Unsubscribe=One-Click`, and the page's
 * own button). A missing or unknown token is a 404: an HTML page for a browser, the JSON error
 * otherwise. Unsubscribing twice is the same as once.
 */
export function emailUnsubscribeRoutes(deps: AppDeps): Hono<AppEnv> {
  const { db } = deps.store;
  const langOf = (c: Context<AppEnv>) =>
    emailLocaleOf(c.req.header('accept-language')?.split(',')[0]?.trim());
  const wantsHtml = (c: Context<AppEnv>) => c.req.header('accept')?.includes('text/html') === true;

  async function targetOf(c: Context<AppEnv>) {
    const token = c.req.query('token') ?? '';
    const target = TOKEN.test(token) ? await findUnsubscribeTarget(db, token) : undefined;
    return { token, target };
  }
  async function projectNameOf(target: UnsubscribeTarget) {
    if (target.kind === 'digest') return '';
    const row = await db
      .selectFrom('projects')
      .select('name')
      .where('id', '=', target.projectId)
      .executeTakeFirst();
    return row?.name ?? '';
  }
  function invalid(c: Context<AppEnv>) {
    if (!wantsHtml(c)) {
      throw new NotFoundError(
        'This unsubscribe link is not valid; copy the whole link from the email.',
      );
    }
    return c.html(unsubscribePage(langOf(c), { step: 'invalid' }), 404, PAGE_HEADERS);
  }

  return new Hono<AppEnv>()
    .get('/unsubscribe', async (c) => {
      const { token, target } = await targetOf(c);
      if (!target) return invalid(c);
      const action = `/v1/email/unsubscribe?token=${token}`;
      const projectName = await projectNameOf(target);
      return c.html(
        unsubscribePage(langOf(c), { step: 'ask', target, projectName, action }),
        200,
        PAGE_HEADERS,
      );
    })
    .post('/unsubscribe', async (c) => {
      const { target } = await targetOf(c);
      if (!target) return invalid(c);
      await unsubscribe(db, target, deps.clock());
      if (!wantsHtml(c)) return c.json({ unsubscribed: true });
      const projectName = await projectNameOf(target);
      return c.html(
        unsubscribePage(langOf(c), { step: 'done', target, projectName, action: '' }),
        200,
        PAGE_HEADERS,
      );
    })
    .all('*', (c) => {
      throw noRouteError(c);
    });
}
