/** Date and time in the viewer's locale, e.g. "2 Dec 2026, 16:20". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A trait or detail value as text; objects as compact JSON. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The browser and OS from a user agent, short: "Chrome 131 on Linux". */
export function describeUserAgent(userAgent: string | undefined): string {
  if (!userAgent) return '—';
  const browser =
    /(Edg|Firefox|Chrome|Safari)\/(\d+)/.exec(userAgent.replace('Version/', 'Safari/')) ?? [];
  const os = /(Windows|Mac OS X|Android|iPhone|Linux)/.exec(userAgent)?.[1];
  const name = browser[1] === 'Edg' ? 'Edge' : browser[1];
  if (!name) return userAgent;
  return `${name} ${browser[2]}${os ? ` on ${os === 'Mac OS X' ? 'macOS' : os}` : ''}`;
}

import type { Loyalty } from './api/types';

export const STATUS_LABELS = {
  new: 'New',
  in_progress: 'In progress',
  resolved: 'Resolved',
} as const;

/** "120 points · Silver", or "Not a member". */
export function formatLoyalty(loyalty: Loyalty | null): string {
  if (!loyalty) return 'Not a member';
  return `${loyalty.balance} points${loyalty.tier ? ` · ${loyalty.tier.name}` : ''}`;
}

/** A date in the viewer's locale, e.g. "30 Nov 2026"; UTC, as the server's buckets are. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** "1 answer", "3 answers". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
