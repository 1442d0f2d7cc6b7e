import { useRef } from 'preact/hooks';
import { guard } from '../actions/report-error';
import { useStore } from './store-context';

/** The customer's referral link in a read-only field, with a copy button. */
export function ReferralLink({ code }: { code: string }) {
  const store = useStore();
  const t = store.texts.value;
  const copied = store.referralCopy;
  const link = referralLink(store.settings.value.referralUrl, code);
  const field = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      copied.value = 'copied';
    } catch {
      // No clipboard on plain http, in old browsers, or when permission is refused: say so,
      // and leave the link selected so the visitor can copy it by hand.
      copied.value = 'manual';
      field.current?.focus();
      field.current?.select();
    }
  };

  return (
    <section aria-labelledby="rapport-referral">
      <h3 id="rapport-referral">{t.referral}</h3>
      <label for="rapport-referral-link">{t.referralLink}</label>
      <div class="row">
        <input
          id="rapport-referral-link"
          ref={field}
          readOnly
          value={link}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" class="secondary" onClick={guard(store.client, copy)}>
          {t.copy}
        </button>
      </div>
      <p role="status" class="success">
        {copied.value === 'copied' ? t.copied : copied.value === 'manual' ? t.copyManually : ''}
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
