import type { ComponentChildren } from 'preact';
import type { Remote } from '../store';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';

interface AsyncProps<T> {
  remote: Remote<T> | undefined;
  /** What the data is, for the loading line: "Loading feedback…". */
  what: string;
  retry?: () => void;
  children: (data: T) => ComponentChildren;
}

/** Renders the loading and error states of a read, and `children(data)` once it is ready. */
export function Async<T>({ remote, what, retry, children }: AsyncProps<T>) {
  if (!remote || remote.state === 'loading') return <Loading what={what} />;
  if (remote.state === 'error') return <ErrorMessage error={remote.error} retry={retry} />;
  return <>{children(remote.data)}</>;
}
