import type { FeedbackItem } from '../api/types';
import { formatDateTime, STATUS_LABELS } from '../format';
import { href } from '../router';

/** The label of a thread the customer answered last: it is the team's turn. */
export const WAITING_ON_TEAM = 'Waiting on the team';

/**
 * True when the customer answered the team and nobody replied since (`waitingOnTeam` with at
 * least one reply); a new item with no reply at all says so by its status already.
 */
export function answeredByCustomer(item: FeedbackItem): boolean {
  return item.waitingOnTeam === true && item.replies.length > 0;
}

/** One feedback item in the inbox: a link to its thread with status, topic, excerpt and date. */
export function FeedbackRow({ item, projectId }: { item: FeedbackItem; projectId: string }) {
  const who = item.email ?? item.userId ?? 'Anonymous visitor';
  return (
    <li class="feedback-row">
      <a data-row href={href(['projects', projectId, 'inbox', item.id])}>
        <span class="row-top">
          <span class={`badge status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
          {answeredByCustomer(item) ? <span class="badge">{WAITING_ON_TEAM}</span> : null}
          {item.surveyAnswer ? (
            <span class="badge status-new">{`Detractor · score ${item.surveyAnswer.score}`}</span>
          ) : null}
          {item.category ? <span class="badge">{item.category}</span> : null}
          <span class="who">{who}</span>
          <time dateTime={item.createdAt} class="hint">
            {formatDateTime(item.createdAt)}
          </time>
        </span>
        <span class="excerpt">{item.message}</span>
      </a>
    </li>
  );
}
