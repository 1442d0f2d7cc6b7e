import type { DurationFigure } from '@rapport/protocol';
import type { ServiceWeek } from './api/types';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** One decimal, none when it is zero: 1.5, 2. */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A median duration as people read it: "under 1 min", "45 min", "3.5 h", "2 days", "—". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < MINUTE) return 'under 1 min';
  if (seconds < HOUR) return `${Math.round(seconds / MINUTE)} min`;
  if (seconds < 2 * DAY) return `${oneDecimal(seconds / HOUR)} h`;
  return `${oneDecimal(seconds / DAY)} days`;
}

/** A duration figure with its count, "3.5 h (4 threads)", or "—" without threads. */
export function formatDurationFigure(figure: DurationFigure): string {
  if (figure.count === 0) return '—';
  const threads = figure.count === 1 ? '1 thread' : `${figure.count} threads`;
  return `${formatDuration(figure.medianSeconds)} (${threads})`;
}

/** True when nothing at all happened in the weeks: the report shows its empty state. */
export function isQuietReport(weeks: ServiceWeek[]): boolean {
  return weeks.every(
    (week) =>
      week.firstReply.count === 0 &&
      week.resolution.count === 0 &&
      week.csat.responses === 0 &&
      week.detractors.followedUp === 0,
  );
}
