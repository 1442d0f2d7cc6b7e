import { useState } from 'preact/hooks';
import { EmailField, NameField, PasswordField } from '../components/AccountFields';
import { Field } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { SubmitRow } from '../components/SubmitRow';
import { useSubmit } from '../hooks/use-submit';
import { passwordProblem } from '../password';
import { api, startSession } from '../store';

/** First run: create the owner account with the one-time setup token from the server log. */
export function Setup() {
  const [token, setToken] = useState('');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(
    async () => {
      startSession(
        await api.setup({ token: token.trim(), email: email.trim(), name: name.trim(), password }),
      );
      location.hash = '#/projects';
    },
    () => passwordProblem(password),
  );

  return (
    <div class="auth">
      <PageHeading>Create the owner account</PageHeading>
      <p>
        This Rapport server has no account yet. The first account owns it. To prove you run the
        server, paste the <strong>setup token</strong> it printed to its log when it started (a line
        starting with <code>setup token:</code>).
      </p>
      <form onSubmit={form.submit} class="card stack" noValidate>
        <Field
          id="setup-token"
          label="Setup token"
          hint="From the server log. It works once."
          autocomplete="off"
          required
          value={token}
          onValue={setToken}
        />
        <NameField required value={name} onValue={setName} />
        <EmailField value={email} onValue={setEmail} />
        <PasswordField
          purpose="new"
          tried={form.tried}
          required
          value={password}
          onValue={setPassword}
        />
        <SubmitRow form={form} label="Create the owner account" busyLabel="Creating…" />
      </form>
    </div>
  );
}
