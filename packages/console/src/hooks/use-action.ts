import { useState } from 'preact/hooks';
import { errorText } from '../api/client';

/** What `useAction` gives a row of buttons: which action runs, why the last one failed. */
export interface Action {
  /** The key of the action running now (`'action'` unless one was given); undefined when idle. */
  busy: string | undefined;
  /** The failure of the last action, as the person should read it. */
  error: string | undefined;
  run: (action: () => Promise<void>, key?: string) => Promise<void>;
}

/**
 * Buttons that each start one request (pause, delete, redeliver, mark fulfilled): a press
 * while any runs does nothing, the last error is cleared, and a failure is kept to show.
 * `key` names the action (e.g. the row's id) so only its button says it is working.
 *
 * @example
 * const action = useAction();
 * <button disabled={action.busy !== undefined} onClick={() => action.run(() => api.x(), id)}>
 */
export function useAction(): Action {
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const run = async (action: () => Promise<void>, key = 'action') => {
    if (busy !== undefined) return;
    setBusy(key);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(undefined);
    }
  };
  return { busy, error, run };
}
