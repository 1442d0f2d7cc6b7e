import { redeemReward } from '../actions/loyalty';
import { guard } from '../actions/report-error';
import { format } from '../i18n';
import type { Texts } from '../i18n/en';
import type { RedeemResult } from '../store';
import { useStore } from './store-context';

/** Rewards with their cost; Redeem is disabled, with the reason shown, when unaffordable. */
export function RewardList() {
  const store = useStore();
  const t = store.texts.value;
  const locale = store.settings.value.locale;
  const rewards = store.rewards.value;
  const busy = store.redeeming.value;
  const result = store.redeemResult.value;
  const resultName = rewards.find((reward) => reward.id === result?.rewardId)?.name ?? '';

  return (
    <section aria-labelledby="rapport-rewards">
      <h3 id="rapport-rewards">{t.rewards}</h3>
      {rewards.length === 0 ? <p class="muted">{t.noRewards}</p> : null}
      <ul class="list">
        {rewards.map((reward) => (
          <li key={reward.id} class="reward">
            <div>
              <strong>{reward.name}</strong>
              <span class="muted"> · {format(t.cost, { n: reward.cost }, locale)}</span>
              {reward.description ? <p class="muted">{reward.description}</p> : null}
              {reward.soldOut ? (
                <p id={`rapport-why-${reward.id}`} class="muted">
                  {t.outOfStock}
                </p>
              ) : reward.shortfall > 0 ? (
                <p id={`rapport-why-${reward.id}`} class="muted">
                  {format(t.needMore, { n: reward.shortfall }, locale)}
                </p>
              ) : null}
            </div>
            <button
              type="button"
              class="secondary"
              disabled={!reward.canRedeem}
              aria-label={format(t.redeemReward, { reward: reward.name }, locale)}
              aria-describedby={
                reward.soldOut || reward.shortfall > 0 ? `rapport-why-${reward.id}` : undefined
              }
              onClick={guard(store.client, () => redeemReward(store, reward.id))}
            >
              {busy === reward.id ? t.redeeming : t.redeem}
            </button>
          </li>
        ))}
      </ul>
      <p role="status" class={result?.ok === false ? 'error' : 'success'}>
        {result ? resultText(result, resultName, t, locale) : ''}
        {result?.code ? (
          <>
            {' '}
            {t.yourCode} <strong class="reward-code">{result.code}</strong>
          </>
        ) : null}
      </p>
    </section>
  );
}

/** The sentence after a redemption: done, or why not. */
function resultText(
  result: RedeemResult,
  reward: string,
  t: Texts,
  locale: string | undefined,
): string {
  if (result.ok) return format(t.redeemed, { reward }, locale);
  if (result.failure === 'out_of_stock') return t.outOfStock;
  if (result.failure === 'limit') return t.redeemLimit;
  return t.redeemError;
}
