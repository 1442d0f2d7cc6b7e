import type { LoyaltyView } from '@rapport/protocol';
import { format } from '../i18n';
import { useStore } from './store-context';

/** Balance, tier and a <progress> bar (no inline style) towards the next tier. */
export function TierSummary({ view }: { view: LoyaltyView }) {
  const store = useStore();
  const t = store.texts.value;
  const locale = store.settings.value.locale;
  const next = view.nextTier;
  return (
    <section class="summary" aria-labelledby="rapport-balance">
      <h3 id="rapport-balance">{t.pointsBalance}</h3>
      <p class="balance">{format(t.points, { n: view.balance }, locale)}</p>
      <p>{view.tier ? format(t.tier, { tier: view.tier.name }, locale) : t.noTier}</p>
      {next ? (
        <>
          <progress
            max={1}
            value={view.progress}
            aria-label={format(t.tierProgress, { tier: next.name }, locale)}
          />
          <p class="muted">
            {format(t.toNextTier, { n: view.pointsToNextTier, tier: next.name }, locale)}
          </p>
        </>
      ) : (
        <p class="muted">{t.topTier}</p>
      )}
    </section>
  );
}
