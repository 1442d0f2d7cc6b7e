import { REDEMPTION_STATUSES } from '@rapport/protocol';
import { useState } from 'preact/hooks';
import type { Paged, Redemption, RedemptionStatus } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { LoadMore } from '../components/LoadMore';
import { LoyaltyTabs } from '../components/LoyaltyTabs';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime } from '../format';
import { useAction } from '../hooks/use-action';
import { useLoadMore } from '../hooks/use-load-more';
import { href } from '../router';
import { admin, hasRole, notice, role } from '../store';
import { useRemote } from '../use-remote';

const STATUS_LABELS: Record<RedemptionStatus, string> = {
  pending: 'To fulfil',
  fulfilled: 'Fulfilled',
};

/** `#/projects/:id/loyalty/redemptions`: what customers redeemed, newest first, and fulfilment. */
export function LoyaltyRedemptions({ projectId }: { projectId: string }) {
  const canWrite = hasRole(role.value, 'admin');
  const [status, setStatus] = useState<RedemptionStatus | undefined>();
  const api = admin(projectId);
  const { remote, reload, set } = useRemote(() => api.redemptions(status), [projectId, status]);
  const more = useLoadMore((cursor) => api.redemptions(status, cursor), set);
  const { busy, error, run } = useAction();

  const mark = (page: Paged<Redemption>, item: Redemption, next: RedemptionStatus) =>
    run(async () => {
      const saved = await api.setRedemptionStatus(item.id, next);
      const items = page.items.map((row) => (row.id === saved.id ? saved : row));
      // A filtered list drops what no longer matches the filter.
      set({ ...page, items: status ? items.filter((row) => row.status === status) : items });
      notice.value = `${item.rewardName ?? item.rewardId} for ${item.userId}: ${STATUS_LABELS[next].toLowerCase()}.`;
    }, item.id);

  return (
    <>
      <PageHeading>Redemptions</PageHeading>
      <LoyaltyTabs projectId={projectId} current={2} />
      <fieldset class="chips">
        <legend class="visually-hidden">Show</legend>
        {[undefined, ...REDEMPTION_STATUSES].map((option) => (
          <button
            key={option ?? 'all'}
            type="button"
            class="chip"
            aria-pressed={status === option}
            onClick={() => setStatus(option)}
          >
            {option ? STATUS_LABELS[option] : 'All'}
          </button>
        ))}
      </fieldset>
      <Async remote={remote} what="redemptions" retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              <p>
                {status ? `Nothing ${STATUS_LABELS[status].toLowerCase()}.` : 'No redemptions yet.'}
              </p>
            </Empty>
          ) : (
            <>
              <ul class="plain cards">
                {page.items.map((item) => (
                  <RedemptionCard
                    key={item.id}
                    projectId={projectId}
                    item={item}
                    busy={busy !== undefined}
                    onToggle={
                      canWrite
                        ? () =>
                            mark(page, item, item.status === 'fulfilled' ? 'pending' : 'fulfilled')
                        : undefined
                    }
                  />
                ))}
              </ul>
              <LoadMore page={page} more={more} />
            </>
          )
        }
      </Async>
      <div role="alert" class="form-error">
        {error}
      </div>
    </>
  );
}

interface RedemptionCardProps {
  projectId: string;
  item: Redemption;
  busy: boolean;
  /** Absent for members, who may not change fulfilment. */
  onToggle: (() => void) | undefined;
}

function RedemptionCard({ projectId, item, busy, onToggle }: RedemptionCardProps) {
  const reward = item.rewardName ?? item.rewardId;
  return (
    <li class="card stack">
      <div class="row-between">
        <strong>{item.rewardName ?? `${item.rewardId} (deleted)`}</strong>
        <span class={item.status === 'fulfilled' ? 'badge badge-active' : 'badge badge-warn'}>
          {STATUS_LABELS[item.status]}
        </span>
      </div>
      <p>
        <a href={href(['projects', projectId, 'loyalty', 'members', item.userId])}>{item.userId}</a>{' '}
        · {item.cost.toLocaleString()} points · {formatDateTime(item.createdAt)}
        {item.code ? (
          <>
            {' '}
            · code <span class="mono">{item.code}</span>
          </>
        ) : null}
      </p>
      {item.fulfilledAt ? <p class="hint">Fulfilled {formatDateTime(item.fulfilledAt)}</p> : null}
      {onToggle ? (
        <div class="actions">
          <button type="button" class="secondary" disabled={busy} onClick={onToggle}>
            {item.status === 'fulfilled' ? 'Mark to fulfil' : 'Mark fulfilled'}
            <span class="visually-hidden">
              {' '}
              {reward} for {item.userId}
            </span>
          </button>
        </div>
      ) : null}
    </li>
  );
}
