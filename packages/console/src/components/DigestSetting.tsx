import { useAction } from '../hooks/use-action';
import { api } from '../store';
import { useRemote } from '../use-remote';
import { Async } from './Async';

/**
 * The daily digest toggle: one email a day listing new feedback in the person's projects.
 * Saved as soon as it changes; the outcome is announced in a status line.
 */
export function DigestSetting() {
  const { remote, reload, set } = useRemote(() => api.digest(), []);
  const action = useAction();
  const change = (enabled: boolean) =>
    action.run(async () => {
      set(await api.setDigest(enabled));
    });
  return (
    <section aria-labelledby="digest-heading">
      <h2 id="digest-heading">Email digest</h2>
      <div class="card stack">
        <Async remote={remote} what="your email settings" retry={reload}>
          {(digest) => (
            <>
              <label class="check">
                <input
                  type="checkbox"
                  checked={digest.enabled}
                  disabled={action.busy !== undefined}
                  aria-describedby="digest-hint"
                  onChange={(event) => change(event.currentTarget.checked)}
                />
                Email me a daily digest of new feedback
              </label>
              <p class="hint" id="digest-hint">
                Once a day, the new feedback in your projects, sent only on days with some. The
                server needs email set up (SMTP_URL).
              </p>
              <div role="status" class={action.error ? 'form-error' : 'form-ok'}>
                {action.error ??
                  (action.busy
                    ? 'Saving…'
                    : digest.enabled
                      ? 'The daily digest is on.'
                      : 'The daily digest is off.')}
              </div>
            </>
          )}
        </Async>
      </div>
    </section>
  );
}
