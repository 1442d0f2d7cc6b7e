import { FEEDBACK_CATEGORIES, FEEDBACK_STATUSES } from '@rapport/protocol';
import { useState } from 'preact/hooks';
import type { FeedbackCategory, FeedbackFilters as Filters, StatusCounts } from '../api/types';
import { STATUS_LABELS } from '../format';

interface FeedbackFiltersProps {
  filters: Filters;
  counts: StatusCounts | undefined;
  onChange: (filters: Filters) => void;
}

/** Status (with counts), search, category, has-email and date range for the inbox. */
export function FeedbackFilters({ filters, counts, onChange }: FeedbackFiltersProps) {
  const [q, setQ] = useState(filters.q ?? '');
  const set = (next: Partial<Filters>) => onChange({ ...filters, ...next });
  return (
    <div class="filters">
      <fieldset class="status-filter">
        <legend class="visually-hidden">Status</legend>
        <button
          type="button"
          class="chip"
          aria-pressed={!filters.status}
          onClick={() => set({ status: undefined })}
        >
          All
        </button>
        {FEEDBACK_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            class="chip"
            aria-pressed={filters.status === status}
            onClick={() => set({ status })}
          >
            {STATUS_LABELS[status]} <span class="count">{counts ? counts[status] : '…'}</span>
          </button>
        ))}
      </fieldset>
      <form
        class="row search"
        onSubmit={(event) => {
          event.preventDefault();
          set({ q: q.trim() || undefined });
        }}
      >
        <label for="inbox-search">Search</label>
        <input
          id="inbox-search"
          type="search"
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
        <button type="submit" class="secondary">
          Search
        </button>
      </form>
      <div class="row wrap">
        <div class="field">
          <label for="filter-category">Topic</label>
          <select
            id="filter-category"
            value={filters.category ?? ''}
            onChange={(e) =>
              set({
                category: (e.currentTarget.value || undefined) as FeedbackCategory | undefined,
              })
            }
          >
            <option value="">Any topic</option>
            {FEEDBACK_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="filter-email">Email</label>
          <select
            id="filter-email"
            value={filters.hasEmail === undefined ? '' : String(filters.hasEmail)}
            onChange={(e) => {
              const value = e.currentTarget.value;
              set({ hasEmail: value === '' ? undefined : value === 'true' });
            }}
          >
            <option value="">With or without</option>
            <option value="true">Has an email</option>
            <option value="false">No email</option>
          </select>
        </div>
        <div class="field">
          <label for="filter-from">From</label>
          <input
            id="filter-from"
            type="date"
            value={toDay(filters.from)}
            onChange={(e) => set({ from: startOfDay(e.currentTarget.value) })}
          />
        </div>
        <div class="field">
          <label for="filter-to">To</label>
          <input
            id="filter-to"
            type="date"
            value={toDay(filters.to, true)}
            onChange={(e) => set({ to: startOfDay(e.currentTarget.value, 1) })}
          />
        </div>
      </div>
    </div>
  );
}

/** Local midnight of a `YYYY-MM-DD` day (plus `addDays`) as an ISO instant; "To" is inclusive. */
function startOfDay(day: string, addDays = 0): string | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  date.setDate(date.getDate() + addDays);
  return date.toISOString();
}

function toDay(iso: string | undefined, inclusiveEnd = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (inclusiveEnd) date.setDate(date.getDate() - 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
