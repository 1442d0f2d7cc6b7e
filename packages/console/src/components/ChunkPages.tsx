import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';

/** Modules already loaded, by loader, so later visits render at once instead of "Loading…". */
const loaded = new Map<() => Promise<unknown>, unknown>();

interface ChunkPagesProps<T> {
  /** A module-level `() => import('../pages/…')`: the same function on every render. */
  load: () => Promise<T>;
  /** What the pages are, for the loading line: "Loading surveys…". */
  what: string;
  children: (pages: T) => ComponentChildren;
}

/**
 * Pages that live in a chunk of their own, fetched the first time one of them opens: the
 * loading line meanwhile, and a retry button if the chunk fails to arrive (a deploy replaced
 * it, the network dropped).
 */
export function ChunkPages<T>({ load, what, children }: ChunkPagesProps<T>) {
  const [pages, setPages] = useState(loaded.get(load) as T | undefined);
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (pages) return;
    load().then(
      (module) => {
        loaded.set(load, module);
        setPages(module);
      },
      (failure: unknown) => setError(failure),
    );
  }, [attempt]);

  if (pages) return <>{children(pages)}</>;
  if (error === undefined) return <Loading what={what} />;
  const retry = () => {
    setError(undefined);
    setAttempt(attempt + 1);
  };
  return <ErrorMessage error={error} retry={retry} />;
}
