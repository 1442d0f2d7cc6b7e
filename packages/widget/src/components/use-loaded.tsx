import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Remote } from '../store';
import { LoadError } from './LoadError';
import { Loading } from './Loading';

/** What a panel shows: its data once ready, else the loading or error screen. */
export type Loaded<T> = { ready: true; data: T } | { ready: false; screen: VNode };

/**
 * The loading ladder of a panel that reads from the server: it loads on first show, and again
 * after identify or reset put the state back to idle; until the data is ready the panel shows
 * "Loading…", or `errorMessage` with a retry button when the read failed. `active: false` (a
 * guest's loyalty panel) loads nothing.
 *
 * @example
 * const inbox = useLoaded(store.inbox.value, () => loadInbox(store), t.inboxError);
 * if (!inbox.ready) return inbox.screen;
 */
export function useLoaded<T>(
  remote: Remote<T>,
  load: () => Promise<unknown>,
  errorMessage: string,
  active = true,
): Loaded<T> {
  const idle = remote.state === 'idle';
  useEffect(() => {
    if (active && idle) void load();
  }, [active, idle]);

  if (remote.state === 'ready') return { ready: true, data: remote.data };
  if (remote.state === 'error')
    return { ready: false, screen: <LoadError message={errorMessage} onRetry={load} /> };
  return { ready: false, screen: <Loading /> };
}
