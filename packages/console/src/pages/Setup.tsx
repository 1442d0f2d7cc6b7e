import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import { Field } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { passwordProblem } from '../password';
import { api, startSession } from '../store';

/** First run: create the owner account with the one-time setup token from the server log. */
export function Setup() {
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [tried, setTried] = useState(false);
  const weak = tried ? passwordProblem(password) : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (busy || passwordProblem(password)) return;
    setBusy(true);
    setError(undefined);
    try {
      startSession(
        await api.setup({ token: token.trim(), email: email.trim(), name: name.trim(), password }),
      );
      location.hash = '#/projects';
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="auth">
      <PageHeading>Create the owner account</PageHeading>
      <p>
        This Rapport server has no account yet. The first account owns it. To prove you run the
        server, paste the <strong>setup token</strong> it printed to its log when it started (a line
        starting with <code>setup token:</code>).
      </p>
      <form onSubmit={submit} class="card stack" noValidate>
        <Field
          id="setup-token"
          label="Setup token"
          hint="From the server log. It works once."
          autocomplete="off"
          required
          value={token}
          onValue={setToken}
        />
        <Field
          id="name"
          label="Your name"
          autocomplete="name"
          required
          value={name}
          onValue={setName}
        />
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
          autocomplete="new-password"
          hint="10 to 200 characters."
          error={weak}
          required
          value={password}
          onValue={setPassword}
        />
        <div role="alert" class="form-error">
          {error}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create the owner account'}
        </button>
      </form>
    </div>
  );
}
