import type { FeedbackItem } from '../api/types';
import { formatDateTime, STATUS_LABELS } from '../format';
import { href } from '../router';

/** One feedback item in the inbox: a link to its thread with status, topic, excerpt and date. */
export function FeedbackRow({ item, projectId }: { item: FeedbackItem; projectId: string }) {
  const who = item.email ?? item.userId ?? 'Anonymous visitor';
  return (
    <li class="feedback-row">
      <a data-row href={href(['projects', projectId, 'inbox', item.id])}>
        <span class="row-top">
          <span class={`badge status-${item.status}`}>{STATUS_LABELS[item.status]}</span>
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
