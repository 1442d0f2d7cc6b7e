import { useEffect } from 'preact/hooks';
import { loadLoyalty, refreshQuietly } from '../actions/loyalty';
import { GuestView } from '../components/GuestView';
import { LoyaltyActivity } from '../components/LoyaltyActivity';
import { LoyaltyGreeting } from '../components/LoyaltyGreeting';
import { ReferralLink } from '../components/ReferralLink';
import { RewardList } from '../components/RewardList';
import { useStore } from '../components/store-context';
import { TierSummary } from '../components/TierSummary';
import { useLoaded } from '../components/use-loaded';
import { formatNumber } from '../i18n';

/**
 * Loyalty: a greeting by tier and name, balance, tier and progress to the next tier, ways to earn, rewards, referral link
 * and recent activity. Anonymous visitors get an invitation to sign in instead.
 */
export function LoyaltyPanel() {
  const store = useStore();
  const t = store.texts.value;
  const guest = store.isGuest.value;
  const loyalty = useLoaded(store.loyalty.value, () => loadLoyalty(store), t.loyaltyError, !guest);
  // Opened again with an account on screen: show it at once and read it again behind it.
  useEffect(() => {
    if (!guest && store.loyalty.peek().state === 'ready') void refreshQuietly(store);
  }, []);

  if (guest) return <GuestView title={t.guestTitle} body={t.guestBody} />;
  if (!loyalty.ready) return loyalty.screen;
  const view = loyalty.data;
  return (
    <div class="stack">
      <LoyaltyGreeting view={view} />
      <TierSummary view={view} />
      {view.waysToEarn.length > 0 ? (
        <section aria-labelledby="rapport-earn">
          <h3 id="rapport-earn">{t.waysToEarn}</h3>
          <ul class="list">
            {view.waysToEarn.map((way) => (
              <li key={way.label}>
                <span>{way.label}</span>
                <strong>+{formatNumber(way.points, store.settings.value.locale)}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RewardList />
      {view.referralCode ? <ReferralLink code={view.referralCode} /> : null}
      <LoyaltyActivity view={view} />
    </div>
  );
}
