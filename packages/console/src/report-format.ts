import { NPS_BANDS, type NpsBand, SURVEY_SCALES } from '@rapport/protocol';
import type { ScoreSummary, SurveyType } from './api/types';

/** Bands as the report lists them: best first, as NPS reports usually do. */
export const BANDS_BEST_FIRST: NpsBand[] = [...NPS_BANDS].reverse();

export const BAND_NAMES: Record<NpsBand, string> = {
  promoter: 'Promoters',
  passive: 'Passives',
  detractor: 'Detractors',
};

/** How many answers of a summary are in a band (0 for a CSAT summary). */
export function bandCount(summary: ScoreSummary, band: NpsBand): number {
  const nps = summary.nps;
  if (!nps) return 0;
  if (band === 'promoter') return nps.promoters;
  return band === 'passive' ? nps.passives : nps.detractors;
}

/** The scores of a survey type's scale, lowest first: 0–10 or 1–5. */
export function scoresOf(type: SurveyType): number[] {
  const { min, max } = SURVEY_SCALES[type];
  return Array.from({ length: max - min + 1 }, (_, index) => min + index);
}

/** "week" or "month", for headings and captions. */
export function intervalName(interval: 'week' | 'month'): string {
  return interval === 'week' ? 'week' : 'month';
}
