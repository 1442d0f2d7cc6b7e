import type { RewardDraft, RewardProblems } from '../reward-draft';
import { Field } from './Field';

interface RewardFieldsProps {
  idPrefix: string;
  draft: RewardDraft;
  onDraft: (draft: RewardDraft) => void;
  /** Shown once the form was submitted. */
  problems: RewardProblems;
}

/** A reward's name, cost, description, stock, per-customer limit, codes and state. */
export function RewardFields({ idPrefix, draft, onDraft, problems }: RewardFieldsProps) {
  const set = (patch: Partial<RewardDraft>) => onDraft({ ...draft, ...patch });
  return (
    <>
      <Field
        id={`${idPrefix}-name`}
        label="Name"
        value={draft.name}
        onValue={(name) => set({ name })}
        error={problems.name}
        hint="As customers see it in the widget, e.g. “Free shipping”."
      />
      <Field
        id={`${idPrefix}-cost`}
        label="Cost (points)"
        inputMode="numeric"
        value={draft.cost}
        onValue={(cost) => set({ cost })}
        error={problems.cost}
      />
      <div class="field">
        <label for={`${idPrefix}-description`}>Description (optional)</label>
        <textarea
          id={`${idPrefix}-description`}
          rows={2}
          maxLength={2000}
          value={draft.description}
          onInput={(event) => set({ description: event.currentTarget.value })}
        />
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={draft.usesCodes}
          onChange={(event) => set({ usesCodes: event.currentTarget.checked })}
        />
        <span>
          Hand out a unique code with each redemption (add the codes on the reward’s page)
        </span>
      </label>
      {draft.usesCodes ? null : (
        <Field
          id={`${idPrefix}-stock`}
          label="Stock (optional)"
          inputMode="numeric"
          value={draft.stock}
          onValue={(stock) => set({ stock })}
          error={problems.stock}
          hint="How many can be redeemed in all; empty for unlimited."
        />
      )}
      <Field
        id={`${idPrefix}-limit`}
        label="Per customer (optional)"
        inputMode="numeric"
        value={draft.perCustomerLimit}
        onValue={(perCustomerLimit) => set({ perCustomerLimit })}
        error={problems.perCustomerLimit}
        hint="How many times one customer may redeem it; empty for no limit."
      />
      <label class="check">
        <input
          type="checkbox"
          checked={draft.active}
          onChange={(event) => set({ active: event.currentTarget.checked })}
        />
        <span>Active: customers can see and redeem it</span>
      </label>
    </>
  );
}

/** The id of the first field with a problem, to move focus there. */
export function firstRewardProblem(idPrefix: string, problems: RewardProblems): string | undefined {
  const order = [
    ['name', 'name'],
    ['cost', 'cost'],
    ['stock', 'stock'],
    ['perCustomerLimit', 'limit'],
  ] as const;
  const found = order.find(([key]) => problems[key]);
  return found ? `${idPrefix}-${found[1]}` : undefined;
}
