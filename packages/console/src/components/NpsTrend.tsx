import type { NpsSummary } from '../api/types';
import { formatDate } from '../format';
import { formatNps } from '../survey-format';

type Trend = NpsSummary['trend'];

/** Chart height in viewBox units: +100 at the top, −100 at the bottom, 0 in the middle. */
const HEIGHT = 100;
const ZERO = HEIGHT / 2;

/**
 * The NPS week by week (UTC weeks from Monday, quiet weeks included with no score): a bar
 * chart in plain SVG for the eye and the same figures as a table for everyone.
 */
export function NpsTrend({ trend }: { trend: Trend }) {
  return (
    <section aria-labelledby="trend-heading">
      <h2 id="trend-heading">Weekly trend</h2>
      <figure class="trend">
        <TrendBars trend={trend} />
        <figcaption class="hint">
          NPS by week, oldest first: bars above the line are positive, below it negative (the scale
          runs from −100 to +100). A gap is a week without answers.
        </figcaption>
      </figure>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">NPS by week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Answers</th>
              <th scope="col">NPS</th>
            </tr>
          </thead>
          <tbody>
            {trend.map((point) => (
              <tr key={point.start}>
                <th scope="row">{formatDate(point.start)}</th>
                <td>{point.responses}</td>
                <td>{formatNps(point.nps)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TrendBars({ trend }: { trend: Trend }) {
  const slot = 100 / Math.max(trend.length, 1);
  return (
    <svg
      class="trend-bars"
      viewBox={`0 0 100 ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label="NPS by week, as in the table below"
    >
      <line class="trend-zero" x1={0} x2={100} y1={ZERO} y2={ZERO} />
      {trend.map((point, index) => {
        if (point.nps === null) return null;
        const height = (Math.abs(point.nps) / 100) * ZERO;
        return (
          <rect
            key={point.start}
            class={point.nps >= 0 ? 'trend-up' : 'trend-down'}
            x={index * slot + slot * 0.15}
            width={slot * 0.7}
            y={point.nps >= 0 ? ZERO - height : ZERO}
            height={Math.max(height, 0.5)}
          />
        );
      })}
    </svg>
  );
}
