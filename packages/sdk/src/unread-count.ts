import type { UnreadResponse } from '@rapport/protocol';
import { answerOf, reach } from './reads';
import type { Transport, TransportRequest } from './transports/transport';

/**
 * Reads `GET /v1/inbox/unread` as a conditional request: the last answer's `ETag` goes back as
 * `If-None-Match`, and a `304` (no body) means the count it came with still holds. The launcher
 * asks on every load and every return to the tab, so most checks cost headers only (issue 14,
 * item 3). Kept per path: another user or browser identity never reuses a count.
 */
export function createUnreadCount(transport: Transport) {
  let seen: { path: string; tag: string; unread: number } | undefined;
  return async (req: TransportRequest & { headers: Record<string, string> }): Promise<number> => {
    const known = seen?.path === req.path ? seen : undefined;
    if (known) req.headers['if-none-match'] = known.tag;
    const response = await reach(transport, req);
    if (known && response.status === 304) return known.unread;
    const { unread } = answerOf(response) as UnreadResponse;
    const tag = response.headers.etag;
    seen = tag ? { path: req.path, tag, unread } : undefined;
    return unread;
  };
}
