import type { SeriesPoint, SurveyType } from '../api/types';
import { formatDate } from '../format';
import { BANDS_BEST_FIRST, bandCount } from '../report-format';
import { formatAverage, formatNps, percentOf } from '../survey-format';
import { ScrollingTable } from './ScrollingTable';

interface ReportSeriesProps {
  type: SurveyType;
  interval: 'week' | 'month';
  series: SeriesPoint[];
}

/** Chart height in viewBox units. */
const HEIGHT = 100;

/**
 * The figures bucket by bucket (UTC weeks from Monday or calendar months; quiet ones
 * included, without bars): for NPS a stacked bar of the three bands per bucket, for CSAT a
 * bar of the average; and the same figures as a table.
 */
export function ReportSeries({ type, interval, series }: ReportSeriesProps) {
  const name = `${type === 'nps' ? 'NPS' : 'CSAT'} by ${interval}`;
  return (
    <section aria-labelledby="series-heading">
      <h2 id="series-heading">Over time</h2>
      <div class="chart-and-table">
        <figure class="chart">
          {type === 'nps' ? <BandColumns series={series} name={name} /> : null}
          {type === 'csat' ? <AverageColumns series={series} name={name} /> : null}
          <figcaption class="hint">
            {type === 'nps'
              ? `Promoters (top), passives and detractors (bottom) as shares of each ${interval}’s answers, oldest first.`
              : `The average score of each ${interval}, oldest first, on a scale of 1 to 5.`}{' '}
            A gap is a {interval} without answers.
          </figcaption>
        </figure>
        <ScrollingTable caption={name} hideCaption>
          <thead>
            <tr>
              <th scope="col">{interval === 'week' ? 'Week of' : 'Month of'}</th>
              <th scope="col">Answers</th>
              {type === 'nps' ? (
                <>
                  <th scope="col">NPS</th>
                  <th scope="col">Promoters</th>
                  <th scope="col">Detractors</th>
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
            {series.map((point) => (
              <tr key={point.start}>
                <th scope="row">{formatDate(point.start)}</th>
                <td>{point.responses}</td>
                {point.nps ? (
                  <>
                    <td>{formatNps(point.nps.score)}</td>
                    <td>{percentOf(point.nps.promoters, point.responses)}</td>
                    <td>{percentOf(point.nps.detractors, point.responses)}</td>
                  </>
                ) : null}
                {point.csat ? (
                  <>
                    <td>{formatAverage(point.csat.average)}</td>
                    <td>
                      {point.csat.satisfiedPercent === null
                        ? '—'
                        : `${point.csat.satisfiedPercent} %`}
                    </td>
                  </>
                ) : null}
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      </div>
    </section>
  );
}

function BandColumns({ series, name }: { series: SeriesPoint[]; name: string }) {
  const slot = 100 / Math.max(series.length, 1);
  return (
    <svg
      class="series-bars"
      viewBox={`0 0 100 ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${name}, as in the table`}
    >
      {series.map((point, index) => {
        let y = 0;
        return BANDS_BEST_FIRST.map((band) => {
          if (point.responses === 0) return null;
          const height = (bandCount(point, band) / point.responses) * HEIGHT;
          const rect = (
            <rect
              key={`${point.start}-${band}`}
              class={`band-${band}`}
              x={index * slot + slot * 0.15}
              width={slot * 0.7}
              y={y}
              height={height}
            />
          );
          y += height;
          return rect;
        });
      })}
    </svg>
  );
}

function AverageColumns({ series, name }: { series: SeriesPoint[]; name: string }) {
  const slot = 100 / Math.max(series.length, 1);
  return (
    <svg
      class="series-bars"
      viewBox={`0 0 100 ${HEIGHT}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={`${name}, as in the table`}
    >
      {series.map((point, index) => {
        const average = point.csat?.average;
        if (average === null || average === undefined) return null;
        const height = (average / 5) * HEIGHT;
        return (
          <rect
            key={point.start}
            class="csat-bar"
            x={index * slot + slot * 0.15}
            width={slot * 0.7}
            y={HEIGHT - height}
            height={height}
          />
        );
      })}
    </svg>
  );
}
