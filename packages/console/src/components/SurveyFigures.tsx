import type { ListedSurvey } from '../api/types';
import { plural } from '../format';
import { formatAverage, formatNps } from '../survey-format';

/**
 * A survey's answer count and score, for the list, from the `summary` the list itself
 * carries (each person counted once, at their latest answer): no request of its own.
 */
export function SurveyFigures({ survey }: { survey: ListedSurvey }) {
  const summary = survey.summary;
  if (!summary || summary.responses === 0) return <>No answers yet</>;
  return (
    <>
      {plural(summary.responses, 'answer')} ·{' '}
      {survey.type === 'nps' ? (
        <>
          NPS <strong>{formatNps(summary.nps ?? null)}</strong>
        </>
      ) : (
        <>
          average <strong>{formatAverage(summary.average ?? null)}</strong> of 5
        </>
      )}
    </>
  );
}
