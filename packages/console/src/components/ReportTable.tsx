import type { ComponentChildren } from 'preact';
import type { ScoreSummary, SurveyType } from '../api/types';
import { formatAverage, formatMargin, formatNps } from '../survey-format';
import { ScrollingTable } from './ScrollingTable';

/** The figures of a summary as table cells: NPS and margin, or average and share satisfied. */
export function SummaryCells({ summary }: { summary: ScoreSummary }) {
  return (
    <>
      <td>{summary.responses}</td>
      {summary.nps ? (
        <>
          <td>{formatNps(summary.nps.score)}</td>
          <td>{formatMargin(summary.nps.marginOfError)}</td>
        </>
      ) : null}
      {summary.csat ? (
        <>
          <td>{formatAverage(summary.csat.average)}</td>
          <td>
            {summary.csat.satisfiedPercent === null ? '—' : `${summary.csat.satisfiedPercent} %`}
          </td>
        </>
      ) : null}
    </>
  );
}

interface SummaryTableProps {
  type: SurveyType;
  caption: string;
  /** The first column's heading. */
  rowHeading: string;
  rows: { key: string; label: ComponentChildren; summary: ScoreSummary }[];
}

/** Rows of summaries side by side (compared periods, breakdown values) as one table. */
export function SummaryTable({ type, caption, rowHeading, rows }: SummaryTableProps) {
  return (
    <ScrollingTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{rowHeading}</th>
          <th scope="col">Answers</th>
          {type === 'nps' ? (
            <>
              <th scope="col">NPS</th>
              <th scope="col">Margin</th>
            </>
          ) : (
            <>
              <th scope="col">Average</th>
              <th scope="col">Satisfied</th>
            </>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <SummaryCells summary={row.summary} />
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
