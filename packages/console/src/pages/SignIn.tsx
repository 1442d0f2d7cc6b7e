import { useState } from 'preact/hooks';
import { EmailField, PasswordField } from '../components/AccountFields';
import { PageHeading } from '../components/PageHeading';
import { SubmitRow } from '../components/SubmitRow';
import { useSubmit } from '../hooks/use-submit';
import { api, startSession } from '../store';

/** Sign in with email and password; wrong credentials and rate limits say so inline. */
export function SignIn() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(async () => {
    startSession(await api.signIn({ email: email.trim(), password }));
  });

  return (
    <div class="auth">
      <PageHeading>Sign in to Rapport</PageHeading>
      <form onSubmit={form.submit} class="card stack" noValidate>
        <EmailField value={email} onValue={setEmail} />
        <PasswordField purpose="current" required value={password} onValue={setPassword} />
        <SubmitRow form={form} label="Sign in" busyLabel="Signing in…" />
      </form>
      <p class="hint">
        Invited by a teammate? Open the link from your invitation. Forgot your password? Ask a
        project owner, or run <code>rapport user create</code> on the server.
      </p>
    </div>
  );
}
