import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { Paged } from '../api/types';

/** What `useLoadMore` gives a paginated list: its state and the action for its button. */
export interface LoadMoreState<T> {
  busy: boolean;
  /** Why the last page failed to load; the list shown so far stays. */
  error: string | undefined;
  /** Fetches the page after `page` and shows both as one list. */
  loadMore: (page: Paged<T>) => Promise<void>;
}

/**
 * "Load more" for a list read with `useRemote`: fetch the page at `page.nextCursor` with
 * `fetchPage`, then `set` the items so far followed by the new ones (and the new cursor).
 * A press while a page is on its way, or past the last page, does nothing.
 *
 * @example
 * const { remote, set } = useRemote(() => api.audit(projectId), [projectId]);
 * const more = useLoadMore((cursor) => api.audit(projectId, cursor), set);
 */
export function useLoadMore<T>(
  fetchPage: (cursor: string) => Promise<Paged<T>>,
  set: (page: Paged<T>) => void,
): LoadMoreState<T> {
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });

  const loadMore = async (page: Paged<T>) => {
    if (!page.nextCursor || state.busy) return;
    setState({ busy: true });
    try {
      const next = await fetchPage(page.nextCursor);
      set({ ...next, items: [...page.items, ...next.items] });
      setState({ busy: false });
    } catch (failure) {
      setState({ busy: false, error: errorText(failure) });
    }
  };

  return { busy: state.busy, error: state.error, loadMore };
}
