import type { LoyaltyView } from '@rapport/protocol';
import { formatNumber } from '../i18n';
import { dateFormatter } from '../i18n/format-date';
import { useStore } from './store-context';

/** The ten most recent point movements, with reason and date. */
export function LoyaltyActivity({ view }: { view: LoyaltyView }) {
  const store = useStore();
  const t = store.texts.value;
  const locale = store.settings.value.locale;
  const date = dateFormatter(locale);
  return (
    <section aria-labelledby="rapport-activity">
      <h3 id="rapport-activity">{t.activity}</h3>
      {view.activity.length === 0 ? <p class="muted">{t.noActivity}</p> : null}
      <ul class="list">
        {view.activity.slice(0, 10).map((entry) => (
          <li key={entry.id}>
            <span>
              {entry.reason}
              {entry.code ? (
                <>
                  {' '}
                  · {t.yourCode} <strong class="reward-code">{entry.code}</strong>
                </>
              ) : null}
              <span class="muted"> · {date(entry.createdAt)}</span>
            </span>
            <strong>{`${entry.points > 0 ? '+' : ''}${formatNumber(entry.points, locale)}`}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}
