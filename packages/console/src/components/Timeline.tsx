import type { TimelineEntry } from '../api/types';
import { formatDateTime, formatValue } from '../format';

const KIND_LABELS: Record<string, string> = {
  identify: 'Identified',
  page: 'Viewed a page',
  track: 'Event',
  feedback: 'Sent feedback',
  survey_response: 'Answered a survey',
  loyalty: 'Points',
  reply: 'Got a reply',
  resolution_rating: 'Did we solve this?',
};

/** A customer's timeline entries, newest first as the server sends them. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p class="hint">Nothing recorded yet.</p>;
  return (
    <ol class="timeline plain">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`}>
          <span class="badge">{KIND_LABELS[entry.kind] ?? entry.kind}</span>{' '}
          <span class="break">{summary(entry)}</span>{' '}
          <time class="hint block" dateTime={entry.at}>
            {formatDateTime(entry.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}

function summary(entry: TimelineEntry): string {
  const data = entry.data;
  const pick = ['url', 'event', 'message', 'score', 'points', 'reason', 'body', 'comment'];
  const parts = pick
    .filter((key) => data[key] !== undefined && data[key] !== null)
    .map((key) => formatValue(data[key]));
  return parts.join(' · ');
}
