/**
 * The scales of survey answers and the vocabulary of survey reports, zod-free: the server
 * computes the report with them and the console labels it with them.
 */
import type { SURVEY_TYPES } from './vocabulary';

/** The lowest and highest score of each survey type: NPS 0–10, CSAT 1–5. */
export const SURVEY_SCALES: Record<(typeof SURVEY_TYPES)[number], { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
};

/** The lowest CSAT score that counts as satisfied: 4 and 5 are, 1–3 are not. */
export const CSAT_SATISFIED_MIN = 4;

/**
 * The highest score of each survey type that opens a detractor thread (issue 14, item 5): NPS
 * 0–6 (the detractor band of `npsBand`) and CSAT 1–2.
 */
export const DETRACTOR_MAX: Record<(typeof SURVEY_TYPES)[number], number> = { nps: 6, csat: 2 };

/** The tag a detractor thread carries in the team's inbox. */
export const DETRACTOR_TAG = 'detractor';

/** How a report's series is bucketed (UTC; weeks start on Monday, months on the 1st). */
export const REPORT_INTERVALS = ['week', 'month'] as const;

/** One report interval. */
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** Most rows a breakdown answers: the values with the most counted answers. */
export const MAX_BREAKDOWN_ROWS = 50;

/** Longest trait name a breakdown may name (`breakdown=trait:<name>`). */
export const MAX_TRAIT_NAME_LENGTH = 100;

/** `tier`, `page` or `trait:<name>`: what a report can break its figures down by. */
export const BREAKDOWN_PATTERN = new RegExp(
  `^(tier|page|trait:[^\\s]{1,${MAX_TRAIT_NAME_LENGTH}})$`,
);
