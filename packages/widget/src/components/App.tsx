import { useEffect, useRef } from 'preact/hooks';
import type { Store } from '../store';
import { Dialog } from './Dialog';
import { ErrorBoundary } from './ErrorBoundary';
import { SurveyCard } from './SurveyCard';
import { StoreContext } from './store-context';

/**
 * The survey card and the dialog, each behind an error boundary. The launcher is drawn
 * without Preact (core/launcher-view.ts), so it is on the page before this chunk loads; the
 * dialog hands focus back to whatever opened it (the launcher, the site's own button) when it
 * closes (Esc, close button, API).
 */
export function App({ store, launcher }: { store: Store; launcher: Pick<HTMLElement, 'focus'> }) {
  const open = store.open.value;
  const wasOpen = useRef(open);
  const settings = store.settings.value;
  const hasDialog = store.panels.value.length > 0;

  useEffect(() => {
    if (wasOpen.current && !open) launcher.focus();
    wasOpen.current = open;
  }, [open, launcher]);

  return (
    <StoreContext.Provider value={store}>
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
    </StoreContext.Provider>
  );
}
