import type { Submit } from '../hooks/use-submit';

interface SubmitRowProps {
  form: Pick<Submit, 'busy' | 'error'>;
  /** The button's name: "Sign in". */
  label: string;
  /** What it says while the request runs: "Signing in…". */
  busyLabel: string;
}

/**
 * The end of a form: the live region that announces why the last try failed, and the submit
 * button, disabled while busy. The alert region is always rendered so screen readers
 * announce the message when it appears.
 */
export function SubmitRow({ form, label, busyLabel }: SubmitRowProps) {
  return (
    <>
      <div role="alert" class="form-error">
        {form.error}
      </div>
      <button type="submit" disabled={form.busy}>
        {form.busy ? busyLabel : label}
      </button>
    </>
  );
}
