import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { CreatedInvitation, Role, Team as TeamBody } from '../api/types';
import { Async } from '../components/Async';
import { CopyButton } from '../components/CopyButton';
import { Field } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime } from '../format';
import { api, session } from '../store';
import { useRemote } from '../use-remote';

const ROLES: { role: Role; text: string }[] = [
  { role: 'member', text: 'Member: reads everything, replies, notes, tags, status' },
  { role: 'admin', text: 'Admin: also surveys, loyalty and widget settings' },
  { role: 'owner', text: 'Owner: also keys, origins, team, erase and deletion' },
];

/** Members and their roles, pending invitations, and inviting by link. Owners only. */
export function Team({ projectId }: { projectId: string }) {
  const { remote, reload } = useRemote(() => api.team(projectId), [projectId]);
  const [error, setError] = useState<string | undefined>();
  const act = async (change: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await change();
      reload();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <>
      <PageHeading>Team</PageHeading>
      <Async remote={remote} what="the team" retry={reload}>
        {(team) => <Members team={team} projectId={projectId} act={act} />}
      </Async>
      <div role="alert" class="form-error">
        {error}
      </div>
      <Invite projectId={projectId} onInvited={reload} />
    </>
  );
}

interface MembersProps {
  team: TeamBody;
  projectId: string;
  act: (change: () => Promise<unknown>) => void;
}

function Members({ team, projectId, act }: MembersProps) {
  const me = session.value?.user.id;
  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">Members</h2>
        <ul class="plain stack">
          {team.members.map((member) => (
            <li key={member.userId} class="card row-between">
              <span>
                <strong>{member.name}</strong>{' '}
                {member.userId === me ? <span class="badge">you</span> : null}
                <span class="block hint">{member.email}</span>
              </span>
              <span class="actions">
                <label for={`role-${member.userId}`} class="visually-hidden">
                  Role of {member.name}
                </label>
                <select
                  id={`role-${member.userId}`}
                  value={member.role}
                  onChange={(e) => {
                    const next = e.currentTarget.value as Role;
                    act(() => api.changeRole(projectId, member.userId, next));
                  }}
                >
                  {ROLES.map((item) => (
                    <option key={item.role} value={item.role}>
                      {item.role}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => act(() => api.removeMember(projectId, member.userId))}
                >
                  Remove {member.name}
                </button>
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">Pending invitations</h2>
        {team.invitations.length === 0 ? (
          <p class="hint">None.</p>
        ) : (
          <ul class="plain stack">
            {team.invitations.map((invitation) => (
              <li key={invitation.id} class="card row-between">
                <span>
                  {invitation.email} <span class="badge">{invitation.role}</span>
                  <span class="block hint">Expires {formatDateTime(invitation.expiresAt)}</span>
                </span>
                <button
                  type="button"
                  class="secondary"
                  onClick={() => act(() => api.revokeInvitation(projectId, invitation.id))}
                >
                  Revoke invitation for {invitation.email}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function Invite({ projectId, onInvited }: { projectId: string; onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedInvitation | undefined>();
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) return setError('Enter the teammate’s email.');
    setBusy(true);
    setError(undefined);
    try {
      setCreated(await api.invite(projectId, { email: email.trim(), role }));
      setEmail('');
      onInvited();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a teammate</h2>
      <form class="card stack" onSubmit={submit} noValidate>
        <Field id="invite-email" label="Email" type="email" value={email} onValue={setEmail} />
        <div class="field">
          <label for="invite-role">Role</label>
          <select
            id="invite-role"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
          >
            {ROLES.map((item) => (
              <option key={item.role} value={item.role}>
                {item.text}
              </option>
            ))}
          </select>
        </div>
        <div role="alert" class="form-error">
          {error}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Inviting…' : 'Create invitation link'}
        </button>
      </form>
      {created ? (
        <div class="card stack" role="status">
          <p>
            Send this link to {created.email}. It works once, until{' '}
            {formatDateTime(created.expiresAt)}.
          </p>
          <p class="mono break" id="invite-url">
            {created.url}
          </p>
          <CopyButton text={created.url} label="Copy the invitation link" target="invite-url" />
        </div>
      ) : null}
    </section>
  );
}
