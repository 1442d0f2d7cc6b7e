import type { PeriodReport, SurveyType } from '../api/types';
import { formatAverage, formatMargin, formatNps } from '../survey-format';

/**
 * The headline of a period: the NPS with its margin of error, or the CSAT average and the
 * share satisfied; the answer count; and the response rate (answered, dismissed; shown is not
 * recorded by the widget yet, and the page says so instead of showing a made-up rate).
 */
export function ReportFigures({ type, period }: { type: SurveyType; period: PeriodReport }) {
  const { summary, rate } = period;
  return (
    <section aria-labelledby="score-heading">
      <h2 id="score-heading">Score</h2>
      <dl class="figures">
        {summary.nps ? (
          <div class="card">
            <dt>Net Promoter Score</dt>
            <dd class="figure">{formatNps(summary.nps.score)}</dd>
            <dd class="hint">{formatMargin(summary.nps.marginOfError)} points (95 % confidence)</dd>
          </div>
        ) : null}
        {summary.csat ? (
          <>
            <div class="card">
              <dt>Average (1–5)</dt>
              <dd class="figure">{formatAverage(summary.csat.average)}</dd>
            </div>
            <div class="card">
              <dt>Satisfied (4–5)</dt>
              <dd class="figure">
                {summary.csat.satisfiedPercent === null
                  ? '—'
                  : `${summary.csat.satisfiedPercent} %`}
              </dd>
              <dd class="hint">{summary.csat.satisfied} answers</dd>
            </div>
          </>
        ) : null}
        <div class="card">
          <dt>Answers</dt>
          <dd class="figure">{summary.responses}</dd>
          <dd class="hint">one per person, their latest</dd>
        </div>
        <div class="card">
          <dt>Dismissed</dt>
          <dd class="figure">{rate.dismissed}</dd>
          <dd class="hint">
            {rate.answeredPercent === null
              ? 'nobody answered or dismissed'
              : `${rate.answeredPercent} % of those who reacted answered`}
          </dd>
        </div>
      </dl>
      <p class="hint">
        {type === 'nps'
          ? 'NPS = % promoters − % detractors, from −100 to +100; the margin is the 95 % confidence interval. '
          : 'The average of the 1–5 scores, and the share of 4s and 5s. '}
        How many people saw the survey is not recorded yet, so there is no “shown” count.
      </p>
    </section>
  );
}
