import type { FeedbackThread } from '../api/types';
import { Async } from '../components/Async';
import { Composer } from '../components/Composer';
import { Conversation } from '../components/Conversation';
import { CustomerCard } from '../components/CustomerCard';
import { answeredByCustomer, WAITING_ON_TEAM } from '../components/FeedbackRow';
import { PageHeading } from '../components/PageHeading';
import { ResolutionRatingCard } from '../components/ResolutionRatingCard';
import { ThreadControls } from '../components/ThreadControls';
import { Timeline } from '../components/Timeline';
import { describeUserAgent, formatDateTime } from '../format';
import { href } from '../router';
import { admin } from '../store';
import { useRemote } from '../use-remote';

/**
 * One feedback thread: message, context, customer, conversation, status, assignee, tags, and the
 * customer's "Did we solve this?" answer once it was resolved.
 */
export function Thread({ projectId, feedbackId }: { projectId: string; feedbackId: string }) {
  const { remote, reload } = useRemote(
    () => admin(projectId).thread(feedbackId),
    [projectId, feedbackId],
  );
  return (
    <>
      <p>
        <a href={href(['projects', projectId, 'inbox'])}>← Back to the inbox</a>
      </p>
      {remote.state === 'ready' ? null : <PageHeading>Feedback</PageHeading>}
      <Async remote={remote} what="the thread" retry={reload}>
        {(thread) => <ThreadView thread={thread} projectId={projectId} reload={reload} />}
      </Async>
    </>
  );
}

function ThreadView({
  thread,
  projectId,
  reload,
}: {
  thread: FeedbackThread;
  projectId: string;
  reload: () => void;
}) {
  const { item } = thread;
  const who = item.email ?? item.userId ?? 'an anonymous visitor';
  const context = item.context;
  return (
    <div class="thread">
      <div class="thread-main stack">
        <PageHeading>Feedback from {who}</PageHeading>
        {item.surveyAnswer ? (
          <p class="hint">
            Opened by an unhappy survey answer: score <strong>{item.surveyAnswer.score}</strong>{' '}
            (survey <span class="mono">{item.surveyAnswer.surveyId}</span>). The customer sees this
            thread in the widget's Messages, where your reply reaches them.
          </p>
        ) : null}
        <blockquote class="card message">
          <p class="prewrap">{item.message || '(no comment)'}</p>
          <footer class="hint">
            {answeredByCustomer(item) ? <span class="badge">{WAITING_ON_TEAM}</span> : null}{' '}
            {item.category ? `${item.category} · ` : ''}
            <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
          </footer>
        </blockquote>
        <section aria-labelledby="context-heading">
          <h2 id="context-heading">Context</h2>
          <dl class="facts card">
            <dt>Page</dt>
            <dd class="break">{context?.url ?? '—'}</dd>
            <dt>Browser</dt>
            <dd title={context?.userAgent}>{describeUserAgent(context?.userAgent)}</dd>
            <dt>Viewport</dt>
            <dd>
              {context?.viewport ? `${context.viewport.width} × ${context.viewport.height}` : '—'}
            </dd>
            <dt>Locale</dt>
            <dd>{context?.locale ?? '—'}</dd>
          </dl>
        </section>
        <Conversation replies={thread.replies} notes={thread.notes} />
        <Composer projectId={projectId} feedbackId={item.id} onSent={reload} />
      </div>
      <aside class="thread-side stack" aria-label="Details">
        <ThreadControls thread={thread} projectId={projectId} onChanged={reload} />
        <ResolutionRatingCard rating={thread.resolutionRating} />
        <CustomerCard customer={thread.customer} projectId={projectId} />
        {thread.customer ? (
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading">Recent activity</h2>
            <Timeline entries={thread.timeline} />
          </section>
        ) : null}
      </aside>
    </div>
  );
}
