import type { ScoreSummary } from '../api/types';
import { plural } from '../format';
import { BAND_NAMES, BANDS_BEST_FIRST, bandCount } from '../report-format';
import { NPS_BAND_RANGES } from '../survey-draft';
import { percentOf } from '../survey-format';

/** An NPS period's three bands: a stacked bar for the eye and a table with counts and shares. */
export function NpsBands({ summary }: { summary: ScoreSummary }) {
  return (
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
                <td>{bandCount(summary, band)}</td>
                <td>{percentOf(bandCount(summary, band), summary.responses)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The three bands side by side in one bar, widths in proportion (SVG: no inline styles).
 * `height` and `y` place it in a taller chart; alone it fills its own viewBox.
 */
export function BandBar({ summary, label }: { summary: ScoreSummary; label?: string }) {
  let x = 0;
  const described =
    label ?? BANDS_BEST_FIRST.map((band) => plural(bandCount(summary, band), band)).join(', ');
  return (
    <svg
      class="band-bar"
      viewBox="0 0 100 4"
      preserveAspectRatio="none"
      role="img"
      aria-label={described}
    >
      {BANDS_BEST_FIRST.map((band) => {
        const width =
          summary.responses === 0 ? 0 : (100 * bandCount(summary, band)) / summary.responses;
        const rect = (
          <rect key={band} class={`band-${band}`} x={x} y={0} width={width} height={4} />
        );
        x += width;
        return rect;
      })}
    </svg>
  );
}
