import {
  CSAT_SATISFIED_MIN,
  npsBand,
  type ScoreSummary,
  SURVEY_SCALES,
  type SurveyType,
} from '@rapport/protocol';
import { npsScore } from './nps';

/** z for a 95 % two-sided confidence interval. */
const Z_95 = 1.96;

/**
 * The 95 % margin of error of an NPS, in points: 1.96 × √((p₊(1−p₊) + p₋(1−p₋) + 2·p₊·p₋) / n)
 * × 100, the standard error of a difference of two shares of one multinomial sample (the
 * variance of a score of +1, 0 or −1 per answer); one decimal, null without answers.
 *
 * @example
 * npsMarginOfError(5, 2, 10) // 48.4 (p₊ .5, p₋ .2: √(.61 / 10) × 1.96 × 100)
 */
export function npsMarginOfError(
  promoters: number,
  detractors: number,
  responses: number,
): number | null {
  if (responses === 0) return null;
  const up = promoters / responses;
  const down = detractors / responses;
  const variance = up * (1 - up) + down * (1 - down) + 2 * up * down;
  return Math.round(Z_95 * Math.sqrt(variance / responses) * 1000) / 10;
}

/** `part` as a whole percentage of `total`, halves up; null when total is 0. */
function percent(part: number, total: number): number | null {
  return total === 0 ? null : Math.round((100 * part) / total);
}

/** An empty distribution of a survey type's scale: 11 zeros for NPS, 5 for CSAT. */
export function emptyDistribution(type: SurveyType): number[] {
  const { min, max } = SURVEY_SCALES[type];
  return new Array<number>(max - min + 1).fill(0);
}

/** Adds `count` answers of `score` to a distribution of `type`'s scale (scores off it ignored). */
export function addToDistribution(
  distribution: number[],
  type: SurveyType,
  score: number,
  count: number,
): void {
  const index = score - SURVEY_SCALES[type].min;
  if (index >= 0 && index < distribution.length)
    distribution[index] = (distribution[index] ?? 0) + count;
}

/**
 * The figures of a distribution of counted answers: the count, the distribution itself and,
 * by type, the NPS with its bands and margin of error or the CSAT average and share satisfied.
 */
export function summarize(type: SurveyType, distribution: number[]): ScoreSummary {
  const { min } = SURVEY_SCALES[type];
  let responses = 0;
  let total = 0;
  const bands = { promoter: 0, passive: 0, detractor: 0 };
  let satisfied = 0;
  distribution.forEach((count, index) => {
    const score = min + index;
    responses += count;
    total += score * count;
    if (type === 'nps') bands[npsBand(score)] += count;
    else if (score >= CSAT_SATISFIED_MIN) satisfied += count;
  });
  if (type === 'nps') {
    return {
      responses,
      distribution,
      nps: {
        score: npsScore(bands.promoter, bands.detractor, responses),
        marginOfError: npsMarginOfError(bands.promoter, bands.detractor, responses),
        promoters: bands.promoter,
        passives: bands.passive,
        detractors: bands.detractor,
      },
    };
  }
  return {
    responses,
    distribution,
    csat: {
      average: responses === 0 ? null : Math.round((100 * total) / responses) / 100,
      satisfied,
      satisfiedPercent: percent(satisfied, responses),
    },
  };
}

/** answered ÷ (answered + dismissed) as a whole percentage; null when nobody reacted. */
export function answeredPercent(answered: number, dismissed: number): number | null {
  return percent(answered, answered + dismissed);
}
