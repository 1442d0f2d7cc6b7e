import { useState } from 'preact/hooks';
import type { MemberSort } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { LoadMore } from '../components/LoadMore';
import { LoyaltyTabs } from '../components/LoyaltyTabs';
import { PageHeading } from '../components/PageHeading';
import { useLoadMore } from '../hooks/use-load-more';
import { href } from '../router';
import { admin } from '../store';
import { useRemote } from '../use-remote';

/** `#/projects/:id/loyalty/members`: every member, by balance or newest, searchable by user id. */
export function LoyaltyMembers({ projectId }: { projectId: string }) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<MemberSort>('balance');
  const api = admin(projectId);
  const { remote, reload, set } = useRemote(() => api.members(q, sort), [projectId, q, sort]);
  const more = useLoadMore((cursor) => api.members(q, sort, cursor), set);
  return (
    <>
      <PageHeading>Loyalty members</PageHeading>
      <LoyaltyTabs projectId={projectId} current={1} />
      <form
        class="filters"
        aria-label="Find members"
        onSubmit={(event) => {
          event.preventDefault();
          setQ(typed.trim());
        }}
      >
        <div class="field">
          <label for="members-search">Search by user id</label>
          <input
            id="members-search"
            type="search"
            value={typed}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="members-sort">Sort by</label>
          <select
            id="members-sort"
            value={sort}
            onChange={(event) => setSort(event.currentTarget.value as MemberSort)}
          >
            <option value="balance">Highest balance</option>
            <option value="recent">Newest member</option>
          </select>
        </div>
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <Async remote={remote} what="members" retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              <p>
                {q
                  ? `No member’s user id contains “${q}”.`
                  : 'No members yet: a customer becomes one with their first points.'}
              </p>
            </Empty>
          ) : (
            <>
              <ul class="plain cards">
                {page.items.map((member) => (
                  <li key={member.userId} class="card row-between">
                    <a
                      class="break"
                      href={href(['projects', projectId, 'loyalty', 'members', member.userId])}
                    >
                      {member.userId}
                    </a>
                    <span>
                      <strong>{member.balance.toLocaleString()}</strong> points
                      {member.tier ? ` · ${member.tier}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
              <LoadMore page={page} more={more} />
            </>
          )
        }
      </Async>
    </>
  );
}
