import { useState } from 'preact/hooks';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime, formatValue } from '../format';
import { useLoadMore } from '../hooks/use-load-more';
import { href } from '../router';
import { admin } from '../store';
import { useRemote } from '../use-remote';

/** The customer directory: identified customers, searchable by id, email or trait value. */
export function Customers({ projectId }: { projectId: string }) {
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const { remote, reload, set } = useRemote(() => admin(projectId).customers(q), [projectId, q]);
  const more = useLoadMore((cursor) => admin(projectId).customers(q, cursor), set);

  return (
    <>
      <PageHeading>Customers</PageHeading>
      <form
        class="row search"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(draft.trim());
        }}
      >
        <label for="customer-search">Search customers</label>
        <input
          id="customer-search"
          type="search"
          value={draft}
          aria-describedby="customer-search-hint"
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <p class="hint" id="customer-search-hint">
        By user id, email or any trait value (a plan, a company…).
      </p>
      <Async remote={remote} what="customers" retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              {q ? (
                <p>No customer matches “{q}”.</p>
              ) : (
                <p>
                  No identified customers yet. Customers appear once your site calls
                  <code> rapport('identify', …)</code> with a valid userHash (see Install).
                </p>
              )}
            </Empty>
          ) : (
            <>
              <div class="table-wrap">
                <table>
                  <caption class="visually-hidden">Customers</caption>
                  <thead>
                    <tr>
                      <th scope="col">Customer</th>
                      <th scope="col">Traits</th>
                      <th scope="col">Feedback</th>
                      <th scope="col">Points</th>
                      <th scope="col">Last seen</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((row) => (
                      <tr key={row.userId}>
                        <td>
                          <a href={href(['projects', projectId, 'customers', row.userId])}>
                            {row.userId}
                          </a>
                          {row.email ? <span class="block hint">{row.email}</span> : null}
                        </td>
                        <td class="break">
                          {Object.entries(row.traits)
                            .slice(0, 3)
                            .map(([key, value]) => `${key}: ${formatValue(value)}`)
                            .join(', ') || '—'}
                        </td>
                        <td>{row.feedbackCount}</td>
                        <td>{row.loyaltyBalance ?? '—'}</td>
                        <td>{formatDateTime(row.lastSeenAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore page={page} more={more} />
            </>
          )
        }
      </Async>
    </>
  );
}
