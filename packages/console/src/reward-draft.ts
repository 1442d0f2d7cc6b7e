import {
  MAX_LABEL_LENGTH,
  MAX_REWARD_CODE_LENGTH,
  MAX_REWARD_CODES_PER_REQUEST,
  MAX_REWARD_PER_CUSTOMER,
  MAX_REWARD_STOCK,
} from '@rapport/protocol';
import type { Reward, RewardInput } from './api/types';

/** The reward form as typed: numbers stay text until they are checked. */
export interface RewardDraft {
  name: string;
  cost: string;
  description: string;
  active: boolean;
  /** Empty: unlimited. */
  stock: string;
  /** Empty: no limit. */
  perCustomerLimit: string;
  usesCodes: boolean;
}

export type RewardProblems = Partial<
  Record<'name' | 'cost' | 'stock' | 'perCustomerLimit', string>
>;

export const EMPTY_REWARD: RewardDraft = {
  name: '',
  cost: '',
  description: '',
  active: true,
  stock: '',
  perCustomerLimit: '',
  usesCodes: false,
};

/** The draft of a saved reward. */
export function rewardDraftOf(reward: Reward): RewardDraft {
  return {
    name: reward.name,
    cost: String(reward.cost),
    description: reward.description ?? '',
    active: reward.active ?? true,
    stock:
      reward.stock === null || reward.stock === undefined || reward.usesCodes
        ? ''
        : String(reward.stock),
    perCustomerLimit: reward.perCustomerLimit ? String(reward.perCustomerLimit) : '',
    usesCodes: reward.usesCodes ?? false,
  };
}

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/** What is wrong with a draft, field by field (the server's `rewardInputSchema`, in words). */
export function rewardProblems(draft: RewardDraft): RewardProblems {
  const problems: RewardProblems = {};
  const name = draft.name.trim();
  if (!name) problems.name = 'Give the reward a name customers will read.';
  else if (name.length > MAX_LABEL_LENGTH)
    problems.name = `At most ${MAX_LABEL_LENGTH} characters.`;
  const cost = wholeNumber(draft.cost);
  if (cost === undefined || cost < 1 || cost > 100_000_000) {
    problems.cost = 'A whole number of points, from 1 to 100,000,000.';
  }
  if (!draft.usesCodes && draft.stock.trim()) {
    const stock = wholeNumber(draft.stock);
    if (stock === undefined || stock > MAX_REWARD_STOCK) {
      problems.stock = `A whole number from 0 to ${MAX_REWARD_STOCK.toLocaleString('en')}, or empty for unlimited.`;
    }
  }
  if (draft.perCustomerLimit.trim()) {
    const limit = wholeNumber(draft.perCustomerLimit);
    if (limit === undefined || limit < 1 || limit > MAX_REWARD_PER_CUSTOMER) {
      problems.perCustomerLimit = `A whole number from 1 to ${MAX_REWARD_PER_CUSTOMER}, or empty for no limit.`;
    }
  }
  return problems;
}

/** The body of `POST` or `PATCH /v1/admin/loyalty/rewards` for a draft without problems. */
export function rewardBody(draft: RewardDraft): Omit<RewardInput, 'id'> {
  const stock = draft.usesCodes || !draft.stock.trim() ? null : Number(draft.stock.trim());
  const limit = draft.perCustomerLimit.trim() ? Number(draft.perCustomerLimit.trim()) : null;
  return {
    name: draft.name.trim(),
    cost: Number(draft.cost.trim()),
    description: draft.description.trim(),
    active: draft.active,
    stock,
    perCustomerLimit: limit,
    usesCodes: draft.usesCodes,
  };
}

/** The codes pasted into the upload field: one per line (or comma), blanks dropped. */
export function parseCodes(text: string): { codes: string[]; problem?: string } {
  const codes = [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((line) => line.trim())
        .filter(Boolean),
    ),
  ];
  if (codes.length === 0) return { codes, problem: 'Paste at least one code, one per line.' };
  if (codes.length > MAX_REWARD_CODES_PER_REQUEST) {
    return { codes, problem: `At most ${MAX_REWARD_CODES_PER_REQUEST} codes at a time.` };
  }
  const bad = codes.find(
    (code) => code.length > MAX_REWARD_CODE_LENGTH || !/^[\x21-\x7e]+$/.test(code),
  );
  if (bad) {
    return {
      codes,
      problem: `“${bad.slice(0, 40)}” is not a code: letters, digits and punctuation only, no spaces, at most ${MAX_REWARD_CODE_LENGTH} characters.`,
    };
  }
  return { codes };
}

/** "12 left", "Unlimited", "Out of stock", for a reward's list entry. */
export function stockText(reward: Reward): string {
  if (reward.stock === null || reward.stock === undefined) return 'Unlimited';
  if (reward.stock === 0) return reward.usesCodes ? 'No codes left' : 'Out of stock';
  const unit = reward.usesCodes ? (reward.stock === 1 ? 'code' : 'codes') : '';
  return `${reward.stock.toLocaleString()} ${unit ? `${unit} ` : ''}left`;
}
