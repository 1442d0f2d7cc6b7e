import { useState } from 'preact/hooks';
import type { Reward } from '../api/types';
import { useSubmit } from '../hooks/use-submit';
import { EMPTY_REWARD, rewardBody, rewardDraftOf, rewardProblems } from '../reward-draft';
import { admin, notice } from '../store';
import { firstRewardProblem, RewardFields } from './RewardFields';
import { SubmitRow } from './SubmitRow';

interface RewardFormProps {
  projectId: string;
  /** The reward to change; absent, the form adds a new one (and empties itself after). */
  reward?: Reward;
  onSaved: (reward: Reward) => void;
}

/** A reward's fields checked in place, sent as one POST (new) or PATCH (change). */
export function RewardForm({ projectId, reward, onSaved }: RewardFormProps) {
  const prefix = reward ? 'reward' : 'new-reward';
  const [draft, setDraft] = useState(reward ? rewardDraftOf(reward) : EMPTY_REWARD);
  const problems = rewardProblems(draft);
  const form = useSubmit(
    async () => {
      const api = admin(projectId);
      const body = rewardBody(draft);
      const saved = reward ? await api.updateReward(reward.id, body) : await api.createReward(body);
      if (!reward) {
        setDraft(EMPTY_REWARD);
        form.setTried(false);
      }
      onSaved(saved);
      notice.value = reward
        ? `Reward “${saved.name}” saved.`
        : saved.usesCodes
          ? `Reward “${saved.name}” added. Add its codes on its page before customers can redeem it.`
          : `Reward “${saved.name}” added.`;
    },
    () => {
      const first = firstRewardProblem(prefix, problems);
      if (first) document.getElementById(first)?.focus();
      return first;
    },
  );
  return (
    <form
      class="card stack"
      onSubmit={form.submit}
      aria-labelledby={`${prefix}-heading`}
      noValidate
    >
      <h2 id={`${prefix}-heading`}>{reward ? 'Settings' : 'Add a reward'}</h2>
      <RewardFields
        idPrefix={prefix}
        draft={draft}
        onDraft={setDraft}
        problems={form.tried ? problems : {}}
      />
      <SubmitRow
        form={form}
        label={reward ? 'Save reward' : 'Add reward'}
        busyLabel={reward ? 'Saving…' : 'Adding…'}
      />
    </form>
  );
}
