import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import { Field } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { api, startSession } from '../store';

/** Sign in with email and password; wrong credentials and rate limits say so inline. */
export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      startSession(await api.signIn({ email: email.trim(), password }));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="auth">
      <PageHeading>Sign in to Rapport</PageHeading>
      <form onSubmit={submit} class="card stack" noValidate>
        <Field
          id="email"
          label="Email"
          type="email"
          autocomplete="username"
          required
          value={email}
          onValue={setEmail}
        />
        <Field
          id="password"
          label="Password"
          type="password"
          autocomplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <div role="alert" class="form-error">
          {error}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="hint">
        Invited by a teammate? Open the link from your invitation. Forgot your password? Ask a
        project owner, or run <code>rapport user create</code> on the server.
      </p>
    </div>
  );
}
