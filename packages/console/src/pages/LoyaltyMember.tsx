import { useState } from 'preact/hooks';
import type { LoyaltyMember as Member } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { Field } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { SubmitRow } from '../components/SubmitRow';
import { formatDateTime } from '../format';
import { useSubmit } from '../hooks/use-submit';
import { href } from '../router';
import { admin, hasRole, notice, role } from '../store';
import { useRemote } from '../use-remote';

/** `#/projects/:id/loyalty/members/:userId`: balance, tier, the ledger, and an adjustment form. */
export function LoyaltyMember({ projectId, userId }: { projectId: string; userId: string }) {
  const canWrite = hasRole(role.value, 'admin');
  const { remote, reload } = useRemote(() => admin(projectId).member(userId), [projectId, userId]);
  return (
    <>
      <p>
        <a href={href(['projects', projectId, 'loyalty', 'members'])}>← All members</a>
      </p>
      <PageHeading>
        <span class="break">Member {userId}</span>
      </PageHeading>
      <p>
        <a href={href(['projects', projectId, 'customers', userId])}>See the customer’s profile</a>
      </p>
      <Async remote={remote} what="the member" retry={reload}>
        {(member) => (
          <>
            <MemberSummary member={member} />
            {canWrite ? (
              <Adjust projectId={projectId} userId={userId} onDone={reload} />
            ) : (
              <p class="notice">Only admins and owners can adjust points.</p>
            )}
            <h2>Activity</h2>
            {member.activity.length === 0 ? (
              <Empty>
                <p>No points earned or spent yet.</p>
              </Empty>
            ) : (
              <ul class="plain cards">
                {member.activity.map((entry) => (
                  <li key={entry.id} class="card row-between">
                    <span>
                      {entry.reason}
                      {entry.code ? (
                        <>
                          {' '}
                          · code <span class="mono">{entry.code}</span>
                        </>
                      ) : null}
                      <span class="hint"> · {formatDateTime(entry.createdAt)}</span>
                    </span>
                    <strong>{entry.points > 0 ? `+${entry.points}` : entry.points}</strong>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Async>
    </>
  );
}

function MemberSummary({ member }: { member: Member }) {
  return (
    <dl class="figures">
      <div class="figure">
        <dt>Balance</dt>
        <dd>{member.balance.toLocaleString()} points</dd>
      </div>
      <div class="figure">
        <dt>Lifetime points</dt>
        <dd>{member.lifetimePoints.toLocaleString()}</dd>
      </div>
      <div class="figure">
        <dt>Tier</dt>
        <dd>{member.tier?.name ?? 'None'}</dd>
      </div>
    </dl>
  );
}

/** Adds or deducts points with a reason; the entry id makes a double submit count once. */
function Adjust({
  projectId,
  userId,
  onDone,
}: {
  projectId: string;
  userId: string;
  onDone: () => void;
}) {
  const [points, setPoints] = useState('');
  const [reason, setReason] = useState('');
  const [entryId, setEntryId] = useState(() => crypto.randomUUID());
  const amount = /^-?\d+$/.test(points.trim()) ? Number(points.trim()) : Number.NaN;
  const problems = {
    points:
      Number.isSafeInteger(amount) && amount !== 0 && Math.abs(amount) <= 100_000_000
        ? undefined
        : 'A whole number of points, not 0: negative deducts (e.g. -50).',
    reason: reason.trim() ? undefined : 'Say why: the customer sees it in their activity.',
  };
  const form = useSubmit(
    async () => {
      const result = await admin(projectId).adjustPoints({
        id: `console-${entryId}`,
        userId,
        points: amount,
        reason: reason.trim(),
      });
      setPoints('');
      setReason('');
      setEntryId(crypto.randomUUID());
      form.setTried(false);
      notice.value = `${amount > 0 ? `Added ${amount}` : `Deducted ${-amount}`} points: the balance is ${result.balance.toLocaleString()}.`;
      onDone();
    },
    () => {
      const first = problems.points ? 'adjust-points' : problems.reason ? 'adjust-reason' : '';
      if (first) document.getElementById(first)?.focus();
      return problems.points ?? problems.reason;
    },
  );
  return (
    <form class="card stack" onSubmit={form.submit} aria-labelledby="adjust-heading" noValidate>
      <h2 id="adjust-heading">Adjust points</h2>
      <Field
        id="adjust-points"
        label="Points"
        inputMode="numeric"
        hint="Negative to deduct, e.g. -50 for a returned order."
        value={points}
        onValue={setPoints}
        error={form.tried ? problems.points : undefined}
      />
      <Field
        id="adjust-reason"
        label="Reason"
        hint="Shown to the customer and kept in the audit log."
        value={reason}
        onValue={setReason}
        error={form.tried ? problems.reason : undefined}
      />
      <SubmitRow form={form} label="Adjust points" busyLabel="Saving…" />
    </form>
  );
}
