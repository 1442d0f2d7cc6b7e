import type { FeedbackContext } from '@rapport/protocol';

/**
 * The page facts attached to feedback when the caller gives none: URL, user agent, viewport
 * and locale. Returns `undefined` outside a browser, and on pages whose URL the server would
 * not accept (`file:`, `about:blank`), rather than sending something half-filled.
 */
export function collectFeedbackContext(): FeedbackContext | undefined {
  const page = globalThis as {
    location?: { href?: string };
    navigator?: { userAgent?: string; language?: string };
    innerWidth?: number;
    innerHeight?: number;
  };
  const url = page.location?.href;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || url.length > 2048) return undefined;
  return {
    url,
    userAgent: String(page.navigator?.userAgent ?? '').slice(0, 1000),
    viewport: { width: toSize(page.innerWidth), height: toSize(page.innerHeight) },
    locale: String(page.navigator?.language ?? '').slice(0, 35),
  };
}

function toSize(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(Math.max(Math.round(value), 0), 100_000)
    : 0;
}
