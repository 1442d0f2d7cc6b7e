import { REPORT_INTERVALS } from '@rapport/protocol';
import { useState } from 'preact/hooks';
import type { ReportQuery } from '../api/types';

interface ReportControlsProps {
  query: ReportQuery;
  onChange: (query: ReportQuery) => void;
}

type BreakdownKind = '' | 'tier' | 'page' | 'trait';

function kindOf(breakdown: string | undefined): BreakdownKind {
  if (!breakdown) return '';
  return breakdown.startsWith('trait:') ? 'trait' : (breakdown as BreakdownKind);
}

/**
 * What the report shows: weeks or months, the period, a second period to compare with, and a
 * breakdown (a trait by name, the loyalty tier or the page). Dates apply with **Apply**, so
 * typing a date does not reload the report at every keystroke.
 */
export function ReportControls({ query, onChange }: ReportControlsProps) {
  const [draft, setDraft] = useState(query);
  const [kind, setKind] = useState<BreakdownKind>(kindOf(query.breakdown));
  const [trait, setTrait] = useState(query.breakdown?.slice('trait:'.length) ?? '');
  const set = (next: Partial<ReportQuery>) => setDraft({ ...draft, ...next });
  const breakdownOf = (): string | undefined => {
    if (kind === 'trait') return trait.trim() ? `trait:${trait.trim()}` : undefined;
    return kind || undefined;
  };
  const date = (id: keyof ReportQuery, label: string) => (
    <div class="field">
      <label for={`report-${id}`}>{label}</label>
      <input
        id={`report-${id}`}
        type="date"
        value={(draft[id] as string | undefined) ?? ''}
        onInput={(event) => set({ [id]: event.currentTarget.value || undefined })}
      />
    </div>
  );
  return (
    <section class="card stack report-controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading" class="visually-hidden">
        What the report shows
      </h2>
      <fieldset class="segmented">
        <legend>Over time, by</legend>
        {REPORT_INTERVALS.map((interval) => (
          <button
            key={interval}
            type="button"
            class="chip"
            aria-pressed={query.interval === interval}
            onClick={() => {
              setDraft({ ...draft, interval });
              onChange({ ...query, interval });
            }}
          >
            {interval === 'week' ? 'Week' : 'Month'}
          </button>
        ))}
      </fieldset>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          const next = { ...draft, interval: query.interval, breakdown: breakdownOf() };
          onChange(next);
        }}
      >
        <div class="row wrap">
          {date('from', 'From')}
          {date('to', 'To')}
        </div>
        <div class="row wrap">
          {date('compareFrom', 'Compare with, from')}
          {date('compareTo', 'Compare with, to')}
        </div>
        <div class="row wrap">
          <div class="field">
            <label for="report-breakdown">Break down by</label>
            <select
              id="report-breakdown"
              value={kind}
              onChange={(event) => setKind(event.currentTarget.value as BreakdownKind)}
            >
              <option value="">Nothing</option>
              <option value="trait">A customer trait</option>
              <option value="tier">Loyalty tier</option>
              <option value="page">Page</option>
            </select>
          </div>
          {kind === 'trait' ? (
            <div class="field">
              <label for="report-trait">Trait name</label>
              <input
                id="report-trait"
                value={trait}
                maxLength={100}
                placeholder="plan"
                onInput={(event) => setTrait(event.currentTarget.value)}
              />
            </div>
          ) : null}
        </div>
        <p class="hint">
          Dates are whole days (UTC), both included. Leave them empty for all answers. Comparing
          needs both dates.
        </p>
        <div>
          <button type="submit">Apply</button>
        </div>
      </form>
    </section>
  );
}
