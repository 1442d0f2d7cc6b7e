import { useState } from 'preact/hooks';
import { NameField, PasswordField } from '../components/AccountFields';
import { Async } from '../components/Async';
import { PageHeading } from '../components/PageHeading';
import { SubmitRow } from '../components/SubmitRow';
import { useSubmit } from '../hooks/use-submit';
import { passwordProblem } from '../password';
import { api, startSession } from '../store';
import { useRemote } from '../use-remote';

/** Join a project from an invitation link: choose a name and a password. */
export function AcceptInvite({ token }: { token: string }) {
  const { remote } = useRemote(() => api.invitation(token), [token]);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const form = useSubmit(
    async () => {
      startSession(await api.acceptInvitation(token, { name: name.trim(), password }));
      location.hash = '#/';
    },
    () => passwordProblem(password),
  );

  return (
    <div class="auth">
      <PageHeading>Accept your invitation</PageHeading>
      <Async remote={remote} what="the invitation">
        {(invitation) => (
          <form onSubmit={form.submit} class="card stack" noValidate>
            <p>
              Join <strong>{invitation.projectName}</strong> as {invitation.role} with{' '}
              <strong>{invitation.email}</strong>.
            </p>
            <NameField value={name} onValue={setName} />
            <PasswordField
              purpose="new"
              tried={form.tried}
              value={password}
              onValue={setPassword}
            />
            <SubmitRow form={form} label="Join the project" busyLabel="Joining…" />
          </form>
        )}
      </Async>
    </div>
  );
}
