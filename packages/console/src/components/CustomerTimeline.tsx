import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import { admin } from '../store';
import { useRemote } from '../use-remote';
import { Async } from './Async';
import { Timeline } from './Timeline';

/** The customer's whole timeline, a page at a time ("Load more"), never silently cut. */
export function CustomerTimeline({ projectId, userId }: { projectId: string; userId: string }) {
  const { remote, reload, set } = useRemote(
    () => admin(projectId).timeline(userId),
    [projectId, userId],
  );
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <Async remote={remote} what="the timeline" retry={reload}>
        {(page) => (
          <>
            <Timeline entries={page.items} />
            {page.nextCursor ? (
              <button
                type="button"
                class="secondary"
                disabled={more.busy}
                onClick={async () => {
                  setMore({ busy: true });
                  try {
                    const next = await admin(projectId).timeline(userId, page.nextCursor);
                    set({ ...next, items: [...page.items, ...next.items] });
                    setMore({ busy: false });
                  } catch (failure) {
                    setMore({ busy: false, error: errorText(failure) });
                  }
                }}
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
        )}
      </Async>
    </section>
  );
}
