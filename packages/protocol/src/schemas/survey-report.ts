/**
 * Survey reports (`GET /v1/admin/surveys/:id/report`, `…/comments`) and the per-survey summary
 * of the survey list. See packages/server/README.md, "Survey reports".
 *
 * Counting rule: each person counts once per survey and period, with their latest answer in
 * that period (an identified user by user id, including the browsers a verified identify
 * linked to them; an anonymous visitor by anonymous id).
 */
import { z } from 'zod';
import { MAX_SEARCH_LENGTH } from '../limits';
import { BREAKDOWN_PATTERN, REPORT_INTERVALS } from '../survey-scales';
import { NPS_BANDS } from '../vocabulary';
import { queryDateSchema } from './fields';
import { surveySchema } from './surveys';

const count = z.number().int().min(0);

/** The NPS part of a summary (NPS surveys only). */
export const npsFiguresSchema = z.object({
  /** % promoters − % detractors, rounded half away from zero; null without answers. */
  score: z.number().int().nullable(),
  /** Half-width of the 95 % confidence interval of the score, in points, one decimal. */
  marginOfError: z.number().nullable(),
  promoters: count,
  passives: count,
  detractors: count,
});

/** The CSAT part of a summary (CSAT surveys only). */
export const csatFiguresSchema = z.object({
  /** Mean score (1–5), two decimals; null without answers. */
  average: z.number().nullable(),
  /** Answers of 4 or 5. */
  satisfied: count,
  /** `satisfied` as a whole percentage of the answers; null without answers. */
  satisfiedPercent: z.number().int().nullable(),
});

/**
 * The figures of a set of counted answers: how many, how they spread over the scale (index 0
 * is the lowest score: 11 counts for NPS 0–10, 5 for CSAT 1–5) and the NPS or CSAT figures.
 */
export const scoreSummarySchema = z.object({
  responses: count,
  distribution: z.array(count),
  nps: npsFiguresSchema.optional(),
  csat: csatFiguresSchema.optional(),
});

/** One bucket of a report's series: its UTC start and its figures. */
export const seriesPointSchema = scoreSummarySchema.extend({ start: z.string() });

/**
 * How many people reacted to the survey in the period. `shown` is null: the widget knows when a
 * survey is on screen but does not tell the server yet (see the server README).
 */
export const responseRateSchema = z.object({
  shown: count.nullable(),
  /** People counted in the summary. */
  answered: count,
  /** People who dismissed the survey in the period without answering it in the period. */
  dismissed: count,
  /** answered ÷ (answered + dismissed) as a whole percentage; null when both are 0. */
  answeredPercent: z.number().int().nullable(),
});

/** One row of a breakdown: a value (null: none known) and the figures of its people. */
export const breakdownRowSchema = scoreSummarySchema.extend({ value: z.string().nullable() });

export const breakdownSchema = z.object({
  by: z.string(),
  rows: z.array(breakdownRowSchema),
});

/** The report of one period: `from`/`to` as asked (null: open). */
export const periodReportSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  summary: scoreSummarySchema,
  series: z.array(seriesPointSchema),
  rate: responseRateSchema,
  breakdown: breakdownSchema.optional(),
});

/** `GET /v1/admin/surveys/:id/report` answer; `compare` when `compareFrom`/`compareTo` given. */
export const surveyReportSchema = z.object({
  survey: surveySchema.pick({ id: true, name: true, type: true }),
  interval: z.enum(REPORT_INTERVALS),
  period: periodReportSchema,
  compare: periodReportSchema.optional(),
});

const bothOrNeither = (a: unknown, b: unknown) => (a === undefined) === (b === undefined);
const ordered = (from?: string, to?: string) => !from || !to || Date.parse(from) <= Date.parse(to);

/**
 * `GET /v1/admin/surveys/:id/report` query. A date (`2026-03-01`) is a whole UTC day, `to`
 * included; a timestamp is exact, `to` excluded.
 */
export const surveyReportQuerySchema = z
  .object({
    from: queryDateSchema.optional(),
    to: queryDateSchema.optional(),
    interval: z.enum(REPORT_INTERVALS).default('week'),
    compareFrom: queryDateSchema.optional(),
    compareTo: queryDateSchema.optional(),
    breakdown: z.string().regex(BREAKDOWN_PATTERN, 'must be tier, page or trait:<name>').optional(),
  })
  .refine((q) => ordered(q.from, q.to), { message: 'must not be before from', path: ['to'] })
  .refine((q) => bothOrNeither(q.compareFrom, q.compareTo), {
    message: 'compareFrom and compareTo go together',
    path: ['compareTo'],
  })
  .refine((q) => ordered(q.compareFrom, q.compareTo), {
    message: 'must not be before compareFrom',
    path: ['compareTo'],
  });

/**
 * `GET /v1/admin/surveys/:id/comments` query: `band` (NPS) or `score` (1–5, CSAT; 0–10, NPS)
 * narrow the answers, `q` finds a case-insensitive substring of the comment.
 */
export const surveyCommentsQuerySchema = z.object({
  band: z.enum(NPS_BANDS).optional(),
  score: z.coerce.number().int().min(0).max(10).optional(),
  q: z.string().trim().min(1).max(MAX_SEARCH_LENGTH).optional(),
  from: queryDateSchema.optional(),
  to: queryDateSchema.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** One answer with a comment, newest first. */
export const surveyCommentEntrySchema = z.object({
  id: z.string(),
  score: z.number().int().nullable(),
  comment: z.string(),
  userId: z.string().nullable(),
  anonymousId: z.string(),
  createdAt: z.string(),
});

export const surveyCommentsPageSchema = z.object({
  items: z.array(surveyCommentEntrySchema),
  nextCursor: z.string().optional(),
});

/**
 * A survey in `GET /v1/admin/surveys`, with all-time figures under the counting rule: the
 * answer count and the NPS (NPS surveys) or the CSAT average (CSAT surveys).
 */
export const surveyListItemSchema = surveySchema.extend({
  summary: z.object({
    responses: count,
    nps: z.number().int().nullable().optional(),
    average: z.number().nullable().optional(),
  }),
});

export type NpsFigures = z.infer<typeof npsFiguresSchema>;
export type CsatFigures = z.infer<typeof csatFiguresSchema>;
export type ScoreSummary = z.infer<typeof scoreSummarySchema>;
export type SeriesPoint = z.infer<typeof seriesPointSchema>;
export type ResponseRate = z.infer<typeof responseRateSchema>;
export type BreakdownRow = z.infer<typeof breakdownRowSchema>;
export type Breakdown = z.infer<typeof breakdownSchema>;
export type PeriodReport = z.infer<typeof periodReportSchema>;
export type SurveyReport = z.infer<typeof surveyReportSchema>;
export type SurveyReportQuery = z.input<typeof surveyReportQuerySchema>;
export type SurveyCommentsQuery = z.input<typeof surveyCommentsQuerySchema>;
export type SurveyComment = z.infer<typeof surveyCommentEntrySchema>;
export type SurveyCommentsPage = z.infer<typeof surveyCommentsPageSchema>;
export type SurveyListItem = z.infer<typeof surveyListItemSchema>;
