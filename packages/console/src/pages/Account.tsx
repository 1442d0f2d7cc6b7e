import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import { Field } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { passwordProblem } from '../password';
import { api, endSession, session, startSession } from '../store';

/** The signed-in person: change password, sign out. */
export function Account() {
  const user = session.value?.user;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();

  const change = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (busy || passwordProblem(next)) return;
    setBusy(true);
    setMessage(undefined);
    try {
      startSession(await api.changePassword({ currentPassword: current, newPassword: next }));
      setCurrent('');
      setNext('');
      setTried(false);
      setMessage({ ok: true, text: 'Password changed. Your other sessions were signed out.' });
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    try {
      await api.signOut();
    } finally {
      endSession();
      location.hash = '#/sign-in';
    }
  };

  return (
    <>
      <PageHeading>Account</PageHeading>
      <p>
        Signed in as <strong>{user?.name}</strong> ({user?.email}).
      </p>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <form class="card stack" onSubmit={change} noValidate>
          <Field
            id="current-password"
            label="Current password"
            type="password"
            autocomplete="current-password"
            value={current}
            onValue={setCurrent}
          />
          <Field
            id="new-password"
            label="New password"
            type="password"
            autocomplete="new-password"
            hint="10 to 200 characters. Every other session of yours ends."
            error={tried ? passwordProblem(next) : undefined}
            value={next}
            onValue={setNext}
          />
          <div role="status" class={message?.ok ? 'form-ok' : 'form-error'}>
            {message?.text}
          </div>
          <button type="submit" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </form>
      </section>
      <section aria-labelledby="signout-heading">
        <h2 id="signout-heading">Sign out</h2>
        <button type="button" class="secondary" onClick={signOut}>
          Sign out
        </button>
      </section>
    </>
  );
}
