import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { CustomerProfile } from '../api/types';
import { Async } from '../components/Async';
import { CustomerTimeline } from '../components/CustomerTimeline';
import { FeedbackRow } from '../components/FeedbackRow';
import { PageHeading } from '../components/PageHeading';
import { TypedConfirm } from '../components/TypedConfirm';
import { formatDateTime, formatLoyalty, formatValue } from '../format';
import { href, navigate } from '../router';
import { admin, hasRole, notice, role } from '../store';
import { useRemote } from '../use-remote';

/** One customer: traits, ids, loyalty, survey answers, feedback, the whole timeline, GDPR. */
export function Customer({ projectId, userId }: { projectId: string; userId: string }) {
  const { remote, reload } = useRemote(
    () => admin(projectId).customer(userId),
    [projectId, userId],
  );
  return (
    <>
      <p>
        <a href={href(['projects', projectId, 'customers'])}>← All customers</a>
      </p>
      {remote.state === 'ready' ? null : <PageHeading>Customer {userId}</PageHeading>}
      <Async remote={remote} what="the customer" retry={reload}>
        {(profile) => <Profile profile={profile} projectId={projectId} />}
      </Async>
    </>
  );
}

function Profile({ profile, projectId }: { profile: CustomerProfile; projectId: string }) {
  return (
    <div class="stack">
      <PageHeading>Customer {profile.userId}</PageHeading>
      <section class="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <dl class="facts">
          <dt>Email</dt>
          <dd>{profile.email ?? '—'}</dd>
          {Object.entries(profile.traits).map(([key, value]) => (
            <div class="fact" key={key}>
              <dt>{key}</dt>
              <dd>{formatValue(value)}</dd>
            </div>
          ))}
          <dt>Anonymous ids</dt>
          <dd class="mono break">{profile.anonymousIds.join(', ') || '—'}</dd>
          <dt>Loyalty</dt>
          <dd>{formatLoyalty(profile.loyalty)}</dd>
          <dt>First seen</dt>
          <dd>{formatDateTime(profile.firstSeenAt)}</dd>
          <dt>Last seen</dt>
          <dd>{formatDateTime(profile.lastSeenAt)}</dd>
        </dl>
      </section>
      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading">Survey answers</h2>
        {profile.surveyAnswers.length === 0 ? (
          <p class="hint">No survey answered.</p>
        ) : (
          <ul class="plain stack">
            {profile.surveyAnswers.map((answer) => (
              <li key={answer.id} class="card">
                <strong>{answer.surveyName ?? answer.surveyId}</strong>: {answer.score ?? '—'}
                {answer.comment ? <span class="block prewrap">{answer.comment}</span> : null}
                <span class="hint block">{formatDateTime(answer.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="threads-heading">
        <h2 id="threads-heading">Feedback</h2>
        {profile.feedback.length === 0 ? (
          <p class="hint">No feedback sent.</p>
        ) : (
          <ul class="feedback-list">
            {profile.feedback.map((item) => (
              <FeedbackRow key={item.id} item={item} projectId={projectId} />
            ))}
          </ul>
        )}
      </section>
      <CustomerTimeline projectId={projectId} userId={profile.userId} />
      <Privacy projectId={projectId} userId={profile.userId} />
    </div>
  );
}

function Privacy({ projectId, userId }: { projectId: string; userId: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const owner = hasRole(role.value, 'owner');
  const download = async () => {
    setError(undefined);
    try {
      const data = await admin(projectId).exportCustomer(userId);
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `rapport-customer-${userId.replace(/[^\w.-]/g, '_')}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const erase = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await admin(projectId).eraseCustomer(userId);
      notice.value = `Customer ${userId} was erased.`;
      navigate(['projects', projectId, 'customers']);
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="privacy-heading" class="danger-zone stack">
      <h2 id="privacy-heading">Privacy (GDPR)</h2>
      <p>
        <button type="button" class="secondary" onClick={download}>
          Download everything about this customer (JSON)
        </button>
      </p>
      {owner ? (
        <>
          <p>
            Erasing deletes or irreversibly anonymises every record that identifies this person:
            feedback, email, traits, events, survey comments and points history. Totals such as NPS
            are recomputed from what remains. This cannot be undone.
          </p>
          <TypedConfirm
            id="erase-confirm"
            expected={userId}
            action="Erase this customer"
            busy={busy}
            onConfirm={erase}
          />
        </>
      ) : (
        <p class="hint">Only owners can erase a customer.</p>
      )}
      <div role="alert" class="form-error">
        {error}
      </div>
    </section>
  );
}
