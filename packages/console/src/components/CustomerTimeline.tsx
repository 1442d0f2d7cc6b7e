import { useLoadMore } from '../hooks/use-load-more';
import { admin } from '../store';
import { useRemote } from '../use-remote';
import { Async } from './Async';
import { LoadMore } from './LoadMore';
import { Timeline } from './Timeline';

/** The customer's whole timeline, a page at a time ("Load more"), never silently cut. */
export function CustomerTimeline({ projectId, userId }: { projectId: string; userId: string }) {
  const { remote, reload, set } = useRemote(
    () => admin(projectId).timeline(userId),
    [projectId, userId],
  );
  const more = useLoadMore((cursor) => admin(projectId).timeline(userId, cursor), set);
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <Async remote={remote} what="the timeline" retry={reload}>
        {(page) => (
          <>
            <Timeline entries={page.items} />
            <LoadMore page={page} more={more} />
          </>
        )}
      </Async>
    </section>
  );
}
