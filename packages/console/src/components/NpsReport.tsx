import { NPS_BANDS, type NpsBand } from '@rapport/protocol';
import type { NpsSummary } from '../api/types';
import { plural } from '../format';
import { NPS_BAND_RANGES } from '../survey-draft';
import { formatNps, percentOf } from '../survey-format';
import { NpsTrend } from './NpsTrend';

/** Bands as the report lists them: best first, as NPS reports usually do. */
const BANDS_BEST_FIRST = [...NPS_BANDS].reverse();

const BAND_NAMES: Record<NpsBand, string> = {
  promoter: 'Promoters',
  passive: 'Passives',
  detractor: 'Detractors',
};

function countOf(summary: NpsSummary, band: NpsBand): number {
  if (band === 'promoter') return summary.promoters;
  return band === 'passive' ? summary.passives : summary.detractors;
}

/**
 * An NPS survey's figures as the admin API gives them: the score, the answer count, the
 * three bands (a table and a stacked bar) and the weekly trend.
 */
export function NpsReport({ summary }: { summary: NpsSummary }) {
  return (
    <>
      <section aria-labelledby="score-heading">
        <h2 id="score-heading">Score</h2>
        <dl class="figures">
          <div class="card">
            <dt>Net Promoter Score</dt>
            <dd class="figure">{formatNps(summary.nps)}</dd>
          </div>
          <div class="card">
            <dt>Answers</dt>
            <dd class="figure">{summary.responses}</dd>
          </div>
        </dl>
        <p class="hint">
          NPS = % promoters − % detractors, from −100 to +100, rounded to a whole number.
        </p>
      </section>
      <section aria-labelledby="bands-heading">
        <h2 id="bands-heading">Promoters, passives and detractors</h2>
        <BandBar summary={summary} />
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Answers by band</caption>
            <thead>
              <tr>
                <th scope="col">Band (scores)</th>
                <th scope="col">Answers</th>
                <th scope="col">Share</th>
              </tr>
            </thead>
            <tbody>
              {BANDS_BEST_FIRST.map((band) => (
                <tr key={band}>
                  <th scope="row">
                    <span class={`swatch band-${band}`} aria-hidden="true" />
                    {BAND_NAMES[band]} <span class="band-range">({NPS_BAND_RANGES[band]})</span>
                  </th>
                  <td>{countOf(summary, band)}</td>
                  <td>{percentOf(countOf(summary, band), summary.responses)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <NpsTrend trend={summary.trend} />
    </>
  );
}

/** The three bands side by side in one bar, widths in proportion (SVG: no inline styles). */
function BandBar({ summary }: { summary: NpsSummary }) {
  let x = 0;
  const label = BANDS_BEST_FIRST.map((band) => plural(countOf(summary, band), band)).join(', ');
  return (
    <svg
      class="band-bar"
      viewBox="0 0 100 4"
      preserveAspectRatio="none"
      role="img"
      aria-label={label}
    >
      {BANDS_BEST_FIRST.map((band) => {
        const width = (100 * countOf(summary, band)) / summary.responses;
        const rect = (
          <rect key={band} class={`band-${band}`} x={x} y={0} width={width} height={4} />
        );
        x += width;
        return rect;
      })}
    </svg>
  );
}
