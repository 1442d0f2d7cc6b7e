import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../store';
import { Dialog } from './Dialog';
import { ErrorBoundary } from './ErrorBoundary';
import { Launcher } from './Launcher';
import { SurveyCard } from './SurveyCard';
import { StoreContext } from './store-context';

/** The whole widget: survey card, dialog and launcher, each behind an error boundary. */
export function App({ store }: { store: Store }) {
  const launcher = useRef<HTMLButtonElement>(null);
  const open = store.open.value;
  const wasOpen = useRef(open);
  const settings = store.settings.value;
  const hasDialog = store.panels.value.length > 0;

  // Focus goes back to the launcher whenever the dialog closes (Esc, close button, API).
  useEffect(() => {
    if (wasOpen.current && !open) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <StoreContext.Provider value={store}>
      <div class={`root ${settings.position}`} lang={settings.locale}>
        {settings.panels.includes('surveys') && !open ? (
          <ErrorBoundary store={store}>
            <SurveyCard />
          </ErrorBoundary>
        ) : null}
        {open && hasDialog ? (
          <ErrorBoundary store={store}>
            <Dialog />
          </ErrorBoundary>
        ) : null}
        {hasDialog ? <Launcher buttonRef={launcher} /> : null}
      </div>
    </StoreContext.Provider>
  );
}
