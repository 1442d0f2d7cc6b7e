import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Remote } from './store';

/**
 * Loads data for a page: `remote` is loading, error or ready; `reload()` asks again;
 * `set()` replaces the data after a write that answered with it. A stale answer (the deps
 * changed while it was in flight) is dropped.
 */
export function useRemote<T>(load: () => Promise<T>, deps: unknown[]) {
  const [remote, setRemote] = useState<Remote<T>>({ state: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setRemote((previous) =>
      previous.state === 'ready' && version > 0 ? previous : { state: 'loading' },
    );
    load().then(
      (data) => current && setRemote({ state: 'ready', data }),
      (error: unknown) => current && setRemote({ state: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const set = useCallback((data: T) => setRemote({ state: 'ready', data }), []);
  return { remote, reload, set };
}
