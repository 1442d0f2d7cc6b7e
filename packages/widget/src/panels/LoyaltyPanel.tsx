import type { LoyaltyView } from '@rapport/protocol';
import { useEffect } from 'preact/hooks';
import { loadLoyalty } from '../actions/loyalty';
import { ReferralLink } from '../components/ReferralLink';
import { GuestView, LoadError, Loading } from '../components/RemoteStatus';
import { RewardList } from '../components/RewardList';
import { useStore } from '../components/store-context';
import { format } from '../i18n';

/**
 * Loyalty: balance, tier and progress to the next tier, ways to earn, rewards, referral link
 * and recent activity. Anonymous visitors get an invitation to sign in instead.
 */
export function LoyaltyPanel() {
  const store = useStore();
  const t = store.texts.value;
  const guest = store.isGuest.value;
  const remote = store.loyalty.value;

  // Loads on first show, and again after identify or reset put the state back to idle.
  const idle = remote.state === 'idle';
  useEffect(() => {
    if (!guest && idle) void loadLoyalty(store);
  }, [guest, idle, store]);

  if (guest) return <GuestView title={t.guestTitle} body={t.guestBody} />;
  if (remote.state === 'error')
    return <LoadError message={t.loyaltyError} onRetry={() => loadLoyalty(store)} />;
  if (remote.state !== 'ready') return <Loading />;
  const view = remote.data;
  return (
    <div class="stack">
      <TierSummary view={view} />
      {view.waysToEarn.length > 0 ? (
        <section aria-labelledby="rapport-earn">
          <h3 id="rapport-earn">{t.waysToEarn}</h3>
          <ul class="list">
            {view.waysToEarn.map((way) => (
              <li key={way.label}>
                <span>{way.label}</span>
                <strong>+{way.points}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <RewardList />
      {view.referralCode ? <ReferralLink code={view.referralCode} /> : null}
      <Activity view={view} />
    </div>
  );
}

function TierSummary({ view }: { view: LoyaltyView }) {
  const t = useStore().texts.value;
  const next = view.nextTier;
  return (
    <section class="summary" aria-labelledby="rapport-balance">
      <h3 id="rapport-balance">{t.pointsBalance}</h3>
      <p class="balance">{format(t.points, { n: view.balance })}</p>
      <p>{view.tier ? format(t.tier, { tier: view.tier.name }) : t.noTier}</p>
      {next ? (
        <>
          <progress
            max={1}
            value={view.progress}
            aria-label={format(t.tierProgress, { tier: next.name })}
          />
          <p class="muted">{format(t.toNextTier, { n: view.pointsToNextTier, tier: next.name })}</p>
        </>
      ) : (
        <p class="muted">{t.topTier}</p>
      )}
    </section>
  );
}

function Activity({ view }: { view: LoyaltyView }) {
  const store = useStore();
  const t = store.texts.value;
  const date = dateFormatter(store.settings.value.locale);
  return (
    <section aria-labelledby="rapport-activity">
      <h3 id="rapport-activity">{t.activity}</h3>
      {view.activity.length === 0 ? <p class="muted">{t.noActivity}</p> : null}
      <ul class="list">
        {view.activity.slice(0, 10).map((entry) => (
          <li key={entry.id}>
            <span>
              {entry.reason}
              <span class="muted"> · {date(entry.createdAt)}</span>
            </span>
            <strong>{entry.points > 0 ? `+${entry.points}` : entry.points}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Format an ISO date for the visitor's locale; unparseable dates are shown as given. */
export function dateFormatter(locale: string): (iso: string) => string {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  } catch {
    formatter = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
  }
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
  };
}
