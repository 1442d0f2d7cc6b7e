import {
  type FeedbackContext,
  MAX_LOCALE_LENGTH,
  MAX_URL_LENGTH,
  MAX_USER_AGENT_LENGTH,
  MAX_VIEWPORT_PIXELS,
} from '@rapport/protocol';

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
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url) || url.length > MAX_URL_LENGTH)
    return undefined;
  return {
    url,
    userAgent: String(page.navigator?.userAgent ?? '').slice(0, MAX_USER_AGENT_LENGTH),
    viewport: { width: toSize(page.innerWidth), height: toSize(page.innerHeight) },
    locale: String(page.navigator?.language ?? '').slice(0, MAX_LOCALE_LENGTH),
  };
}

function toSize(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value)
    ? Math.min(Math.max(Math.round(value), 0), MAX_VIEWPORT_PIXELS)
    : 0;
}
