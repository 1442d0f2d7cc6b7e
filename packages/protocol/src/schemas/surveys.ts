import { z } from 'zod';
import { MAX_EVENT_NAME_LENGTH, MAX_ID_LENGTH, MAX_URL_LENGTH, TARGETING_LIMITS } from '../limits';
import { SURVEY_TYPES } from '../vocabulary';
import { idSchema, labelSchema, queryDateSchema, textSchema, timestampSchema } from './fields';
import { traitTargetingSchema } from './trait-rules';

export const surveyTypeSchema = z.enum(SURVEY_TYPES);

/** Follow-up question shown after the score, chosen by the score's band. */
export const followUpSchema = z.object({
  detractor: labelSchema,
  passive: labelSchema,
  promoter: labelSchema,
});

/** A base language tag, lower case, as in `textsByLocale`: `fr`, not `fr-CA` or `FR`. */
const BASE_LANGUAGE = /^[a-z]{2,3}$/;

/** Most languages a survey can be translated into. */
export const MAX_SURVEY_TRANSLATIONS = 20;

/**
 * A survey's texts in one more language. A text left out falls back to the survey's own
 * (default) text, and a follow-up band left out to the default follow-up for that band.
 */
export const surveyTranslationSchema = z.object({
  question: labelSchema.optional(),
  followUp: followUpSchema.partial().optional(),
});

/**
 * Texts by base language tag (`fr`, `de`, `pt`): a visitor whose language is French
 * (`fr`, `fr-CA`) sees the French question, not the default one over French labels.
 * @example { fr: { question: 'Recommanderiez-vous notre boutique ?' } }
 */
export const surveyTranslationsSchema = z
  .record(z.string(), surveyTranslationSchema)
  .superRefine((translations, ctx) => {
    const languages = Object.keys(translations);
    for (const language of languages.filter((key) => !BASE_LANGUAGE.test(key))) {
      ctx.addIssue({
        code: 'custom',
        path: [language],
        message: `${language.slice(0, 40)} is not a base language tag: use one like fr, de or pt`,
      });
    }
    if (languages.length > MAX_SURVEY_TRANSLATIONS) {
      ctx.addIssue({ code: 'custom', message: `at most ${MAX_SURVEY_TRANSLATIONS} languages` });
    }
  });

/** When a survey may be shown. All given conditions must hold. */
export const targetingSchema = z
  .object({
    /** Show only on pages whose URL contains this text. */
    urlContains: z.string().min(1).max(TARGETING_LIMITS.urlContains).optional(),
    /** Show only after this `track` event has been seen for the visitor. */
    event: z.string().min(1).max(MAX_EVENT_NAME_LENGTH).optional(),
    /** Wait this long on the page before showing. @default 0 */
    delaySeconds: z.number().int().min(0).max(TARGETING_LIMITS.delaySeconds).optional(),
    /** Shown from this time on (ISO 8601 with offset); absent: from now. */
    startsAt: timestampSchema.optional(),
    /** Shown until this time, excluded (ISO 8601 with offset); absent: until paused. */
    endsAt: timestampSchema.optional(),
    /** Rules on the person's verified traits; absent: everyone, identified or not. */
    traits: traitTargetingSchema.optional(),
  })
  .refine(
    (targeting) =>
      !targeting.startsAt ||
      !targeting.endsAt ||
      Date.parse(targeting.endsAt) > Date.parse(targeting.startsAt),
    { message: 'must be after startsAt', path: ['endsAt'] },
  );

/** Fields a site owner writes when creating or replacing a survey. */
export const surveyInputSchema = z.object({
  id: idSchema.optional(),
  name: labelSchema,
  type: surveyTypeSchema,
  question: labelSchema,
  followUp: followUpSchema.optional(),
  /** The question and follow-ups in other languages, by base language tag. */
  translations: surveyTranslationsSchema.optional(),
  targeting: targetingSchema.optional(),
  /** Share of eligible visitors who see it, 0–100. @default 100 */
  samplePercent: z.number().min(0).max(100).default(100),
  /** Days before the same person may see this survey again after answering or dismissing. @default 90 */
  recontactDays: z.number().int().min(0).max(TARGETING_LIMITS.recontactDays).default(90),
  active: z.boolean().default(true),
});

/** A partial update (`PATCH /v1/admin/surveys/:id`). */
export const surveyPatchSchema = surveyInputSchema.partial().omit({ id: true });

export const surveySchema = surveyInputSchema.extend({
  id: idSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** What the widget receives from `GET /v1/surveys/eligible`: only what it needs to render. */
export const eligibleSurveySchema = z.object({
  id: idSchema,
  type: surveyTypeSchema,
  question: labelSchema,
  followUp: followUpSchema.optional(),
  /** The widget picks the visitor's language from these, else shows `question`. */
  translations: surveyTranslationsSchema.optional(),
  delaySeconds: z.number().int().min(0),
});

export const eligibleSurveysResponseSchema = z.object({
  surveys: z.array(eligibleSurveySchema),
});

export const eligibleSurveysQuerySchema = z.object({
  anonymousId: idSchema,
  userId: z.string().min(1).max(MAX_ID_LENGTH).optional(),
  /** The user's proof; without a valid one, surveys with trait rules are never offered. */
  userHash: z.string().max(MAX_ID_LENGTH).optional(),
  url: z.string().max(MAX_URL_LENGTH).optional(),
});

/** NPS summary for the admin API. NPS = %promoters(9–10) − %detractors(0–6), rounded. */
export const npsSummarySchema = z.object({
  nps: z.number().int().nullable(),
  responses: z.number().int(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  trend: z.array(
    z.object({ start: z.string(), nps: z.number().int().nullable(), responses: z.number().int() }),
  ),
});

export const npsQuerySchema = z.object({
  surveyId: idSchema.optional(),
  from: queryDateSchema.optional(),
  to: queryDateSchema.optional(),
  interval: z.enum(['day', 'week', 'month']).default('week'),
});

/** A free-text answer limit reused by the widget's comment field. */
export const surveyCommentSchema = textSchema;

export type SurveyType = z.infer<typeof surveyTypeSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type Targeting = z.infer<typeof targetingSchema>;
export type SurveyTranslation = z.infer<typeof surveyTranslationSchema>;
export type SurveyTranslations = z.infer<typeof surveyTranslationsSchema>;
export type SurveyInput = z.input<typeof surveyInputSchema>;
export type SurveyPatch = z.input<typeof surveyPatchSchema>;
export type Survey = z.infer<typeof surveySchema>;
export type EligibleSurvey = z.infer<typeof eligibleSurveySchema>;
export type EligibleSurveysResponse = z.infer<typeof eligibleSurveysResponseSchema>;
export type NpsSummary = z.infer<typeof npsSummarySchema>;
