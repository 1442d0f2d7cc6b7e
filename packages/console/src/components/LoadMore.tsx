import type { Paged } from '../api/types';
import type { LoadMoreState } from '../hooks/use-load-more';

/**
 * The end of a paginated list: a "Load more" button while the server has more, and why the
 * last page failed, so a long list is never silently cut.
 */
export function LoadMore<T>({ page, more }: { page: Paged<T>; more: LoadMoreState<T> }) {
  return (
    <>
      {page.nextCursor ? (
        <button
          type="button"
          class="secondary"
          disabled={more.busy}
          onClick={() => more.loadMore(page)}
        >
          {more.busy ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
      {more.error ? (
        <p class="form-error" role="alert">
          {more.error}
        </p>
      ) : null}
    </>
  );
}
