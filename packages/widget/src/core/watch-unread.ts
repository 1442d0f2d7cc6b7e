import type { RapportClient } from '@rapport/sdk';
import { reportError } from '../actions/report-error';

/** What the launcher does with the unread count. */
export interface UnreadWatch {
  /** Ask the server now (a conditional request; `wanted()` decides whether at all). */
  check(): void;
  stop(): void;
}

/**
 * Keeps the launcher's unread count: asked on load and whenever the tab
 * becomes visible again — one conditional request each time, no connection held open — and
 * shared with the site's other tabs through a `BroadcastChannel`, so reading the replies in
 * one tab clears the badge in all of them without asking the server. A count is shared with
 * whose it is (the user, or this browser's anonymous id): a tab of another identity ignores it.
 */
export function watchUnread(
  client: RapportClient,
  wanted: () => boolean,
  show: (count: number) => void,
): UnreadWatch {
  let count = 0;
  const owner = () => `${client.key}:${client.userId ?? client.anonymousId}`;
  const channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel('rapport:unread') : undefined;
  const set = (next: number) => {
    if (next === count) return;
    count = next;
    show(next);
  };
  if (channel) {
    channel.onmessage = ({ data }: MessageEvent<{ owner?: string; count?: number }>) => {
      if (data?.owner === owner() && typeof data.count === 'number') set(data.count);
    };
  }
  const off = client.on('unread', (event) => {
    if (event.count !== count) channel?.postMessage({ owner: owner(), count: event.count });
    set(event.count);
  });
  const check = () => {
    if (wanted()) client.inbox.unread().catch((error: unknown) => reportError(client, error));
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') check();
  };
  document.addEventListener('visibilitychange', onVisible);
  return {
    check,
    stop() {
      off();
      channel?.close();
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}
