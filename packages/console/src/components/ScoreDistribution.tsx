import { npsBand } from '@rapport/protocol';
import type { ScoreSummary, SurveyType } from '../api/types';
import { scoresOf } from '../report-format';
import { percentOf } from '../survey-format';

/** Chart height in viewBox units. */
const HEIGHT = 100;

/**
 * How the answers spread over the scale (0–10 or 1–5): a bar per score, coloured by NPS band,
 * and the same counts as a table beside it.
 */
export function ScoreDistribution({ type, summary }: { type: SurveyType; summary: ScoreSummary }) {
  const scores = scoresOf(type);
  const most = Math.max(1, ...summary.distribution);
  const slot = 100 / scores.length;
  return (
    <section aria-labelledby="distribution-heading">
      <h2 id="distribution-heading">Answers by score</h2>
      <div class="chart-and-table">
        <figure class="chart">
          <svg
            class="distribution-bars"
            viewBox={`0 0 100 ${HEIGHT}`}
            preserveAspectRatio="none"
            role="img"
            aria-label="Answers by score, as in the table"
          >
            {scores.map((score, index) => {
              const count = summary.distribution[index] ?? 0;
              const height = (count / most) * HEIGHT;
              const band = type === 'nps' ? `band-${npsBand(score)}` : 'csat-bar';
              return (
                <rect
                  key={score}
                  class={band}
                  x={index * slot + slot * 0.15}
                  width={slot * 0.7}
                  y={HEIGHT - height}
                  height={height}
                />
              );
            })}
          </svg>
          <figcaption class="hint axis-labels" aria-hidden="true">
            {scores.map((score) => (
              <span key={score}>{score}</span>
            ))}
          </figcaption>
        </figure>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Answers by score</caption>
            <thead>
              <tr>
                <th scope="col">Score</th>
                <th scope="col">Answers</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {scores.map((score, index) => (
                <tr key={score}>
                  <th scope="row">{score}</th>
                  <td>{summary.distribution[index] ?? 0}</td>
                  <td>{percentOf(summary.distribution[index] ?? 0, summary.responses)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
