import { render, screen } from '@testing-library/preact';
import type { SessionBody } from '../src/api/types';
import { App } from '../src/components/App';
import { parseRoute } from '../src/router';
import { hasOwner, inboxFilters, notice, project, route, session } from '../src/store';

/**
 * Renders the whole console at `hash` as `who` (null: signed out), the way main.tsx does,
 * with the store reset so tests do not see each other's state.
 */
export function renderApp(hash: string, who: SessionBody | null) {
  history.replaceState(null, '', `/console/${hash}`);
  route.value = parseRoute(hash);
  session.value = who;
  hasOwner.value = true;
  project.value = undefined;
  inboxFilters.value = {};
  notice.value = undefined;
  const result = render(<App />);
  return { ...result, screen };
}

/** Moves to another route as a hashchange would. */
export function go(hash: string) {
  history.replaceState(null, '', `/console/${hash}`);
  route.value = parseRoute(hash);
}
