import { guard } from '../actions/report-error';
import { useStore } from './store-context';

/** The customer's referral link in a read-only field, with a copy button. */
export function ReferralLink({ code }: { code: string }) {
  const store = useStore();
  const t = store.texts.value;
  const copied = store.referralCopied;
  const link = referralLink(store.settings.value.referralUrl, code);

  const copy = async () => {
    await navigator.clipboard.writeText(link);
    copied.value = true;
  };

  return (
    <section aria-labelledby="rapport-referral">
      <h3 id="rapport-referral">{t.referral}</h3>
      <label for="rapport-referral-link">{t.referralLink}</label>
      <div class="row">
        <input
          id="rapport-referral-link"
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="secondary" onClick={guard(store.client, copy)}>
          {t.copy}
        </button>
      </div>
      <p role="status" class="success">
        {copied.value ? t.copied : ''}
      </p>
    </section>
  );
}

/** `base` with `?ref=<code>` added, keeping any query it already has. */
export function referralLink(base: string, code: string): string {
  try {
    const url = new URL(base, globalThis.location?.href);
    url.searchParams.set('ref', code);
    return url.toString();
  } catch {
    return `${base}?ref=${encodeURIComponent(code)}`;
  }
}
