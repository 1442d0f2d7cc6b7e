/**
 * Calls `onNavigate` when a single-page app moves to another URL: `history.pushState` (which
 * fires no event, so it is wrapped), `replaceState` and the back and forward buttons
 * (`popstate`). A change of the `#fragment` alone is not a new page. Returns a function that
 * stops watching and puts `history`'s own methods back, unless another script has wrapped
 * them since (then ours stays, silent).
 */
export function watchNavigation(onNavigate: () => void): () => void {
  const { history, location } = window;
  let last = withoutHash(location.href);
  let watching = true;
  const check = () => {
    const now = withoutHash(location.href);
    if (!watching || now === last) return;
    last = now;
    onNavigate();
  };
  const wrap = <K extends 'pushState' | 'replaceState'>(name: K) => {
    const original = history[name];
    const wrapped = function (this: History, ...args: Parameters<History[K]>) {
      const result = original.apply(this, args);
      check();
      return result;
    } as History[K];
    history[name] = wrapped;
    return () => {
      if (history[name] === wrapped) history[name] = original;
    };
  };
  const restore = [wrap('pushState'), wrap('replaceState')];
  window.addEventListener('popstate', check);
  return () => {
    watching = false;
    window.removeEventListener('popstate', check);
    for (const undo of restore) undo();
  };
}

function withoutHash(href: string): string {
  const hash = href.indexOf('#');
  return hash === -1 ? href : href.slice(0, hash);
}
