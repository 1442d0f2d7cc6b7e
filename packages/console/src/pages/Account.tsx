import { useState } from 'preact/hooks';
import { DigestSetting } from '../components/DigestSetting';
import { Field } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { useSubmit } from '../hooks/use-submit';
import { passwordProblem } from '../password';
import { api, endSession, session, startSession } from '../store';

/** The signed-in person: change password, the daily digest, sign out. */
export function Account() {
  const user = session.value?.user;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const form = useSubmit(
    async () => {
      setDone(undefined);
      startSession(await api.changePassword({ currentPassword: current, newPassword: next }));
      setCurrent('');
      setNext('');
      form.setTried(false);
      setDone('Password changed. Your other sessions were signed out.');
    },
    () => passwordProblem(next),
  );
  // One line for both outcomes: a role="status" region, so success is announced too.
  const message = form.error
    ? { ok: false, text: form.error }
    : done
      ? { ok: true, text: done }
      : undefined;

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
        <form class="card stack" onSubmit={form.submit} noValidate>
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
            error={form.tried ? passwordProblem(next) : undefined}
            value={next}
            onValue={setNext}
          />
          <div role="status" class={message?.ok ? 'form-ok' : 'form-error'}>
            {message?.text}
          </div>
          <button type="submit" disabled={form.busy}>
            {form.busy ? 'Changing…' : 'Change password'}
          </button>
        </form>
      </section>
      <DigestSetting />
      <section aria-labelledby="signout-heading">
        <h2 id="signout-heading">Sign out</h2>
        <button type="button" class="secondary" onClick={signOut}>
          Sign out
        </button>
      </section>
    </>
  );
}
