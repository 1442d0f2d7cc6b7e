import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import { Async } from '../components/Async';
import { Field } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { passwordProblem } from '../password';
import { api, startSession } from '../store';
import { useRemote } from '../use-remote';

/** Join a project from an invitation link: choose a name and a password. */
export function AcceptInvite({ token }: { token: string }) {
  const { remote } = useRemote(() => api.invitation(token), [token]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (busy || passwordProblem(password)) return;
    setBusy(true);
    setError(undefined);
    try {
      startSession(await api.acceptInvitation(token, { name: name.trim(), password }));
      location.hash = '#/';
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="auth">
      <PageHeading>Accept your invitation</PageHeading>
      <Async remote={remote} what="the invitation">
        {(invitation) => (
          <form onSubmit={submit} class="card stack" noValidate>
            <p>
              Join <strong>{invitation.projectName}</strong> as {invitation.role} with{' '}
              <strong>{invitation.email}</strong>.
            </p>
            <Field id="name" label="Your name" autocomplete="name" value={name} onValue={setName} />
            <Field
              id="password"
              label="Password"
              type="password"
              autocomplete="new-password"
              hint="10 to 200 characters."
              error={tried ? passwordProblem(password) : undefined}
              value={password}
              onValue={setPassword}
            />
            <div role="alert" class="form-error">
              {error}
            </div>
            <button type="submit" disabled={busy}>
              {busy ? 'Joining…' : 'Join the project'}
            </button>
          </form>
        )}
      </Async>
    </div>
  );
}
