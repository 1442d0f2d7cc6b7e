import { useState } from 'preact/hooks';
import { errorText } from '../api/client';

/** What `useSubmit` gives a form: its busy and error state and the `onSubmit` handler. */
export interface Submit {
  /** True while `action` runs; the submit button is disabled and says so. */
  busy: boolean;
  /** The failure of the last try, as the person should read it. */
  error: string | undefined;
  /** True once submit was pressed, so inline checks show only after a first try. */
  tried: boolean;
  setTried: (tried: boolean) => void;
  submit: (event: Event) => Promise<void>;
}

/**
 * The submit handling every console form shares: ignore a second press while busy, run
 * `invalid()` first and stop when it names a problem (its text is shown inline by the field,
 * once `tried`), clear the last error, run `action`, and show why it failed.
 *
 * @example
 * const form = useSubmit(() => api.signIn({ email, password }).then(startSession));
 * <form onSubmit={form.submit}>…</form>
 */
export function useSubmit(
  action: () => Promise<void>,
  invalid: () => string | undefined = () => undefined,
): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [tried, setTried] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (busy || invalid()) return;
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, tried, setTried, submit };
}
