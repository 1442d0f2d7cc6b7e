import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { loadLoyalty } from '../actions/loyalty';
import { guard } from '../actions/report-error';
import { namesTraits } from '../i18n/fill-traits';
import { FeedbackForm } from '../panels/FeedbackForm';
import { Inbox } from '../panels/Inbox';
import { LoyaltyPanel } from '../panels/LoyaltyPanel';
import type { DialogPanel } from '../store';
import { ErrorBoundary } from './ErrorBoundary';
import { focusableIn, trapTab } from './focus';
import { useStore } from './store-context';
import { Tabs } from './Tabs';

const PANELS: Record<DialogPanel, () => preact.JSX.Element> = {
  feedback: FeedbackForm,
  loyalty: LoyaltyPanel,
  inbox: Inbox,
};

/**
 * The modal dialog: a title, a tab for each enabled section, and the current section.
 * Focus moves in on open and is trapped; Esc closes (the launcher then takes focus back).
 */
export function Dialog() {
  const store = useStore();
  const t = store.texts.value;
  const ref = useRef<HTMLDivElement>(null);
  const panels = store.panels.value;
  const current = panels.includes(store.panel.value) ? store.panel.value : panels[0];

  // A layout effect: focus moves in right after the dialog is drawn, not a frame later, so
  // the dialog can be used as soon as it is there (bench: click → dialog interactive).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (dialog) (focusableIn(dialog)[0] ?? dialog).focus();
  }, []);

  // A title that greets by name needs the customer's verified traits, which come with their
  // loyalty account (the one read that proves them): read it behind the fallback text.
  useEffect(() => {
    if (namesTraits(store.settings.peek().texts) && store.loyalty.peek().state === 'idle') {
      void loadLoyalty(store);
    }
  }, []);

  const onKeyDown = guard(store.client, (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      store.open.value = false;
    } else if (event.key === 'Tab' && ref.current) {
      trapTab(ref.current, event);
    }
  });

  const Panel = current ? PANELS[current] : undefined;
  const body = Panel ? (
    <ErrorBoundary store={store} key={current} fallback={<p class="error">{t.crashed}</p>}>
      <Panel />
    </ErrorBoundary>
  ) : null;
  return (
    <div
      ref={ref}
      class="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="rapport-title"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div class="head">
        <h2 id="rapport-title">{t.title}</h2>
        <button
          type="button"
          class="icon"
          aria-label={t.close}
          onClick={guard(store.client, () => {
            store.open.value = false;
          })}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        </button>
      </div>
      {panels.length > 1 && current ? <Tabs panels={panels} current={current} /> : null}
      {panels.length > 1 ? (
        <div
          class="body"
          id="rapport-panel"
          role="tabpanel"
          aria-labelledby={`rapport-tab-${current}`}
        >
          {body}
        </div>
      ) : (
        <div class="body">{body}</div>
      )}
    </div>
  );
}
