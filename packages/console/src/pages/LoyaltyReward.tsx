import type { Reward } from '../api/types';
import { Async } from '../components/Async';
import { PageHeading } from '../components/PageHeading';
import { RewardCodesSection } from '../components/RewardCodesSection';
import { RewardForm } from '../components/RewardForm';
import { TypedConfirm } from '../components/TypedConfirm';
import { useSubmit } from '../hooks/use-submit';
import { stockText } from '../reward-draft';
import { href, navigate } from '../router';
import { admin, hasRole, notice, role } from '../store';
import { useRemote } from '../use-remote';

/** `#/projects/:id/loyalty/rewards/:rewardId`: change a reward, manage its codes, delete it. */
export function LoyaltyReward({ projectId, rewardId }: { projectId: string; rewardId: string }) {
  const canWrite = hasRole(role.value, 'admin');
  const { remote, reload, set } = useRemote(
    () => admin(projectId).reward(rewardId),
    [projectId, rewardId],
  );
  return (
    <Async remote={remote} what="the reward" retry={reload}>
      {(reward) => (
        <>
          <p>
            <a href={href(['projects', projectId, 'loyalty'])}>← All rewards</a>
          </p>
          <PageHeading>{reward.name}</PageHeading>
          <p>
            {reward.cost.toLocaleString()} points · {stockText(reward)}
            {reward.perCustomerLimit ? ` · at most ${reward.perCustomerLimit} per customer` : ''}
            {reward.active ? '' : ' · hidden from customers'}
          </p>
          {canWrite ? (
            <>
              <RewardForm projectId={projectId} reward={reward} onSaved={set} />
              {reward.usesCodes ? (
                <RewardCodesSection projectId={projectId} reward={reward} onChange={reload} />
              ) : null}
              <DeleteReward projectId={projectId} reward={reward} />
            </>
          ) : (
            <p class="notice">Only admins and owners can change rewards and see their codes.</p>
          )}
        </>
      )}
    </Async>
  );
}

function DeleteReward({ projectId, reward }: { projectId: string; reward: Reward }) {
  const form = useSubmit(async () => {
    await admin(projectId).deleteReward(reward.id);
    notice.value = `Reward “${reward.name}” deleted.`;
    navigate(['projects', projectId, 'loyalty']);
  });
  return (
    <section class="danger-zone stack" aria-labelledby="delete-reward">
      <h2 id="delete-reward">Delete this reward</h2>
      <p>
        Customers can no longer redeem it, and its unused codes are deleted. Past redemptions keep
        their cost and code. To pause it instead, untick “Active”.
      </p>
      <TypedConfirm
        id="confirm-reward-delete"
        expected={reward.name}
        action="Delete reward"
        busy={form.busy}
        onConfirm={() => void form.submit(new Event('submit'))}
      />
      <div role="alert" class="form-error">
        {form.error}
      </div>
    </section>
  );
}
