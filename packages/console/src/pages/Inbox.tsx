import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { FeedbackItem, FeedbackList } from '../api/types';
import { Empty } from '../components/Empty';
import { ErrorMessage } from '../components/ErrorMessage';
import { FeedbackFilters } from '../components/FeedbackFilters';
import { FeedbackRow } from '../components/FeedbackRow';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { useListKeys } from '../components/use-list-keys';
import { admin, inboxFilters } from '../store';

/** How many items one page of the inbox asks for. */
export const INBOX_PAGE_SIZE = 25;

type ListState =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; page: FeedbackList; loadingMore: boolean; moreError?: string };

/** The feedback inbox: counts, filters, search, newest first, keyboard navigation, "Load more". */
export function Inbox({ projectId }: { projectId: string }) {
  const filters = inboxFilters.value;
  const [list, setList] = useState<ListState>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    let live = true;
    setList({ state: 'loading' });
    admin(projectId)
      .feedback(filters, undefined, INBOX_PAGE_SIZE)
      .then(
        (page) => live && setList({ state: 'ready', page, loadingMore: false }),
        (error: unknown) => live && setList({ state: 'error', error }),
      );
    return () => {
      live = false;
    };
  }, [projectId, filters, version]);

  useListKeys(listRef);

  const loadMore = async () => {
    if (list.state !== 'ready' || !list.page.nextCursor || list.loadingMore) return;
    const { page } = list;
    setList({ ...list, loadingMore: true, moreError: undefined });
    try {
      const next = await admin(projectId).feedback(filters, page.nextCursor, INBOX_PAGE_SIZE);
      setList({
        state: 'ready',
        loadingMore: false,
        page: { ...next, items: [...page.items, ...next.items] },
      });
    } catch (failure) {
      setList({ state: 'ready', page, loadingMore: false, moreError: errorText(failure) });
    }
  };

  const counts = list.state === 'ready' ? list.page.counts : undefined;
  return (
    <>
      <PageHeading>Inbox</PageHeading>
      <FeedbackFilters
        filters={filters}
        counts={counts}
        onChange={(next) => {
          inboxFilters.value = next;
        }}
      />
      {list.state === 'loading' ? <Loading what="feedback" /> : null}
      {list.state === 'error' ? (
        <ErrorMessage error={list.error} retry={() => setVersion((v) => v + 1)} />
      ) : null}
      {list.state === 'ready' ? (
        <Results
          items={list.page.items}
          filtered={Object.values(filters).some((value) => value !== undefined)}
          projectId={projectId}
          listRef={listRef}
        />
      ) : null}
      {list.state === 'ready' && list.page.nextCursor ? (
        <p>
          <button type="button" class="secondary" disabled={list.loadingMore} onClick={loadMore}>
            {list.loadingMore ? 'Loading…' : 'Load more'}
          </button>
        </p>
      ) : null}
      {list.state === 'ready' && list.moreError ? (
        <p role="alert" class="form-error">
          {list.moreError}
        </p>
      ) : null}
    </>
  );
}

interface ResultsProps {
  items: FeedbackItem[];
  filtered: boolean;
  projectId: string;
  listRef: preact.RefObject<HTMLUListElement>;
}

function Results({ items, filtered, projectId, listRef }: ResultsProps) {
  if (items.length === 0) {
    return (
      <Empty>
        {filtered ? (
          <p>No feedback matches these filters.</p>
        ) : (
          <p>
            No feedback yet. When visitors send some from the widget, it shows here, newest first.
            Not installed yet? See <strong>Install</strong>.
          </p>
        )}
      </Empty>
    );
  }
  return (
    <>
      <p class="hint" id="inbox-keys">
        {items.length} shown. Keys: j / k or ↓ / ↑ to move, Enter to open.
      </p>
      <ul class="feedback-list" ref={listRef} aria-describedby="inbox-keys">
        {items.map((item) => (
          <FeedbackRow key={item.id} item={item} projectId={projectId} />
        ))}
      </ul>
    </>
  );
}
