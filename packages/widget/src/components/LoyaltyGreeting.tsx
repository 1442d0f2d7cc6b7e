import type { LoyaltyView } from '@rapport/protocol';
import { format } from '../i18n';
import { fillTraits } from '../i18n/fill-traits';
import { useStore } from './store-context';

const TIER_NAME: ReadonlySet<string> = new Set(['tier']);

/**
 * The greeting at the top of the loyalty panel: the one the site owner wrote for the
 * customer's tier, else the built-in one (with the tier, or without one), its `{firstName}`
 * and other trait placeholders filled from the customer's verified traits, as text.
 */
export function LoyaltyGreeting({ view }: { view: LoyaltyView }) {
  const store = useStore();
  const t = store.texts.value;
  const tier = view.tier;
  const template = tier?.greeting ?? (tier ? t.loyaltyTierGreeting : t.loyaltyGreeting);
  const text = format(
    fillTraits(template, view.traits, TIER_NAME),
    { tier: tier?.name ?? '' },
    store.settings.value.locale,
  );
  return text ? <p class="greeting">{text}</p> : null;
}
