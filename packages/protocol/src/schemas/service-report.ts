import { z } from 'zod';

/**
 * Resolution CSAT and the weekly service report. A thread the team resolved asks its customer
 * once "Did we solve this?" (1–5, optional comment); the console reads the answer beside the
 * thread and the weekly figures in the Service report.
 */

/** On a resolved thread in `GET /v1/inbox`: the resolution, and whether the customer answered. */
export const threadResolutionSchema = z.object({
  /** When the team resolved the thread: the resolution a `resolution_rating` names. */
  resolvedAt: z.string(),
  /** True once the customer rated or dismissed "Did we solve this?" for this resolution. */
  answered: z.boolean(),
});

/** The customer's answer for a thread's latest resolution, as the console's thread shows it. */
export const resolutionRatingSchema = z.object({
  resolvedAt: z.string(),
  /** 1–5; null when the customer dismissed the question without answering. */
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});

/** `GET /v1/admin/reports/service?weeks` query: how many weeks, ending with the current one. */
export const serviceReportQuerySchema = z.object({
  weeks: z.coerce.number().int().min(1).max(52).default(8),
});

/** A median duration in seconds over `count` threads; `medianSeconds` is null when none. */
export const durationFigureSchema = z.object({
  count: z.number().int().min(0),
  medianSeconds: z.number().nullable(),
});

/** One week (UTC, Monday 00:00 to the next Monday) of the service report. */
export const serviceWeekSchema = z.object({
  start: z.string(),
  /** Threads whose first team reply was written this week: from the message to that reply. */
  firstReply: durationFigureSchema,
  /** Threads resolved this week (their latest resolution) and still resolved: message to resolution. */
  resolution: durationFigureSchema,
  /** "Did we solve this?" answers given this week (dismissals not counted). */
  csat: z.object({
    responses: z.number().int().min(0),
    /** Mean score, 2 decimals; null without answers. */
    average: z.number().nullable(),
    /** Answers of 4 or 5. */
    satisfied: z.number().int().min(0),
    /** `satisfied / responses` in percent, rounded to an integer; null without answers. */
    satisfiedPercent: z.number().int().nullable(),
  }),
  /**
   * NPS detractors (0–6) whose next NPS answer in the project came this week (`followedUp`),
   * and those of them whose next answer was 7 or more (`recovered`).
   */
  detractors: z.object({
    followedUp: z.number().int().min(0),
    recovered: z.number().int().min(0),
  }),
});

/** `GET /v1/admin/reports/service` answer: every week of the range, oldest first. */
export const serviceReportSchema = z.object({
  timezone: z.literal('UTC'),
  weeks: z.array(serviceWeekSchema),
});

export type ThreadResolution = z.infer<typeof threadResolutionSchema>;
export type ResolutionRating = z.infer<typeof resolutionRatingSchema>;
export type ServiceReportQuery = z.infer<typeof serviceReportQuerySchema>;
export type DurationFigure = z.infer<typeof durationFigureSchema>;
export type ServiceWeek = z.infer<typeof serviceWeekSchema>;
export type ServiceReport = z.infer<typeof serviceReportSchema>;
