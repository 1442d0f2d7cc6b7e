import type { Reward } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { LoyaltyTabs } from '../components/LoyaltyTabs';
import { PageHeading } from '../components/PageHeading';
import { RewardForm } from '../components/RewardForm';
import { TierEditor } from '../components/TierEditor';
import { stockText } from '../reward-draft';
import { href } from '../router';
import { admin, hasRole, role } from '../store';
import { useRemote } from '../use-remote';

/** `#/projects/:id/loyalty`: the rewards customers redeem, a form to add one, and the tiers. */
export function Loyalty({ projectId }: { projectId: string }) {
  const canWrite = hasRole(role.value, 'admin');
  const { remote, reload, set } = useRemote(() => admin(projectId).rewards(), [projectId]);
  return (
    <>
      <PageHeading>Loyalty</PageHeading>
      <LoyaltyTabs projectId={projectId} current={0} />
      <p>
        Customers earn points (from your server with{' '}
        <span class="mono">/v1/admin/loyalty/earn</span>, or by hand on a member’s page) and redeem
        them for these rewards in the widget.
      </p>
      {canWrite ? null : (
        <p class="notice">Only admins and owners can change rewards, tiers and balances.</p>
      )}
      <h2>Rewards</h2>
      <Async remote={remote} what="rewards" retry={reload}>
        {(page) => (
          <>
            {page.items.length === 0 ? (
              <Empty>
                <p>
                  No rewards yet
                  {canWrite ? ': add one below.' : '. An admin or owner can add one.'}
                </p>
              </Empty>
            ) : (
              <ul class="plain cards">
                {page.items.map((reward) => (
                  <RewardCard key={reward.id} projectId={projectId} reward={reward} />
                ))}
              </ul>
            )}
            {canWrite ? (
              <RewardForm
                projectId={projectId}
                onSaved={(reward) => set({ items: [...page.items, reward].sort(byCost) })}
              />
            ) : null}
          </>
        )}
      </Async>
      <TierEditor projectId={projectId} canWrite={canWrite} />
    </>
  );
}

const byCost = (a: Reward, b: Reward) => a.cost - b.cost || a.id.localeCompare(b.id);

function RewardCard({ projectId, reward }: { projectId: string; reward: Reward }) {
  const facts = [
    `${reward.cost.toLocaleString()} points`,
    stockText(reward),
    reward.perCustomerLimit ? `at most ${reward.perCustomerLimit} per customer` : undefined,
  ].filter(Boolean);
  return (
    <li class="card stack">
      <div class="row-between">
        <a href={href(['projects', projectId, 'loyalty', 'rewards', reward.id])}>{reward.name}</a>
        <span class={reward.active ? 'badge badge-active' : 'badge'}>
          {reward.active ? 'Active' : 'Hidden'}
        </span>
      </div>
      <p class="hint">{facts.join(' · ')}</p>
    </li>
  );
}
