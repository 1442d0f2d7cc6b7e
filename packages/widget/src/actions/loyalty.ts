import { isRapportError } from '@rapport/sdk';
import type { RedeemResult, Store } from '../store';
import { loadPersonal } from './load-personal';
import { reportError } from './report-error';

/** Load the signed-in customer's loyalty account; anonymous visitors get the guest view. */
export function loadLoyalty(store: Store): Promise<void> {
  return loadPersonal(store, store.loyalty, () => store.client.loyalty.get());
}

/**
 * Redeem a reward once. The `redeeming` signal is set before the first await, so a double
 * click sees it and does nothing; the balance comes from the server's answer.
 */
export async function redeemReward(store: Store, rewardId: string): Promise<void> {
  const reward = store.rewards.value.find((r) => r.id === rewardId);
  if (!reward?.canRedeem) return;
  store.redeeming.value = rewardId;
  store.redeemResult.value = undefined;
  try {
    const result = await store.client.loyalty.redeem(rewardId);
    const view = store.loyalty.value;
    if (view.state === 'ready') {
      store.loyalty.value = { state: 'ready', data: { ...view.data, balance: result.balance } };
    }
    store.redeemResult.value = {
      rewardId,
      ok: true,
      ...(result.code !== undefined && { code: result.code }),
    };
    void refreshQuietly(store);
  } catch (error) {
    store.redeemResult.value = { rewardId, ok: false, failure: failureOf(error) };
    // Sold out or past the limit are answers, not faults: the panel says so.
    if (!isRapportError(error) || failureOf(error) === 'other') reportError(store.client, error);
  } finally {
    store.redeeming.value = undefined;
  }
}

/**
 * Read the account again while showing what is on screen: after a redemption (the new activity
 * entry), and each time the panel opens again (points the shop added meanwhile). A failure
 * keeps the last view.
 */
export async function refreshQuietly(store: Store): Promise<void> {
  try {
    const data = await store.client.loyalty.get();
    if (store.loyalty.peek().state === 'ready') store.loyalty.value = { state: 'ready', data };
  } catch {
    // The balance from the redemption is already shown; a stale activity list can wait.
  }
}

/** Why a redemption was refused, for the sentence the panel shows. */
function failureOf(error: unknown): RedeemResult['failure'] {
  if (!isRapportError(error)) return 'other';
  if (error.code === 'out_of_stock') return 'out_of_stock';
  return error.code === 'redeem_limit_reached' ? 'limit' : 'other';
}
