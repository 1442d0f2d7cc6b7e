import type { Breakdown, PeriodReport, SurveyReport } from '../api/types';
import { formatDate } from '../format';
import { SummaryTable } from './ReportTable';

/** "1 Mar 2026 – 31 Mar 2026", "All answers", "Since 1 Mar 2026"… (`to` is exclusive). */
export function describePeriod(period: PeriodReport): string {
  const last = period.to ? formatDate(new Date(Date.parse(period.to) - 1).toISOString()) : null;
  const first = period.from ? formatDate(period.from) : null;
  if (first && last) return `${first} – ${last}`;
  if (first) return `Since ${first}`;
  return last ? `Until ${last}` : 'All answers';
}

/** The two periods side by side, when a comparison was asked for. */
export function ReportComparison({ report }: { report: SurveyReport }) {
  const { period, compare } = report;
  if (!compare) return null;
  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">Two periods side by side</h2>
      <SummaryTable
        type={report.survey.type}
        caption="This period and the compared one"
        rowHeading="Period"
        rows={[
          { key: 'period', label: describePeriod(period), summary: period.summary },
          { key: 'compare', label: describePeriod(compare), summary: compare.summary },
        ]}
      />
      <p class="hint">
        Dismissed: {period.rate.dismissed} this period, {compare.rate.dismissed} in the compared
        one.
      </p>
    </section>
  );
}

const NO_VALUE: Record<string, string> = {
  tier: 'No tier (anonymous, or not a member)',
  page: 'No page reported',
};

/** The breakdown asked for, one row a value, the row without a value last. */
export function ReportBreakdown({ report }: { report: SurveyReport }) {
  const breakdown: Breakdown | undefined = report.period.breakdown;
  if (!breakdown) return null;
  const trait = breakdown.by.startsWith('trait:') ? breakdown.by.slice('trait:'.length) : null;
  const heading = trait
    ? `By trait “${trait}”`
    : breakdown.by === 'tier'
      ? 'By loyalty tier'
      : 'By page';
  const none = NO_VALUE[breakdown.by] ?? 'Not identified, or no value';
  return (
    <section aria-labelledby="breakdown-heading">
      <h2 id="breakdown-heading">{heading}</h2>
      {breakdown.rows.length === 0 ? (
        <p>No answers in this period.</p>
      ) : (
        <SummaryTable
          type={report.survey.type}
          caption={heading}
          rowHeading={trait ? 'Value' : breakdown.by === 'tier' ? 'Tier' : 'Page'}
          rows={breakdown.rows.map((row) => ({
            key: row.value ?? '\u0000none',
            label: row.value ?? <em>{none}</em>,
            summary: row,
          }))}
        />
      )}
      <p class="hint">
        {trait
          ? 'Only identified customers’ traits count: what an anonymous visitor claims is not trusted. '
          : null}
        {breakdown.by === 'page'
          ? 'The page is the last one the visitor’s browser reported before answering. '
          : null}
        At most 50 values, those with the most answers.
      </p>
    </section>
  );
}
