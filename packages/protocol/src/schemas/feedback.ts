import { z } from 'zod';
import { FEEDBACK_STATUSES } from '../vocabulary';
import { textSchema, timestampSchema } from './fields';
import { feedbackCategorySchema, feedbackContextSchema } from './messages';
import { threadResolutionSchema } from './service-report';

export const feedbackStatusSchema = z.enum(FEEDBACK_STATUSES);

export const replySchema = z.object({
  id: z.string(),
  body: z.string(),
  author: z.enum(['team', 'customer']),
  createdAt: z.string(),
});

/**
 * The survey answer that opened a detractor thread (NPS 0–6, CSAT 1–2); `null` for feedback the
 * customer wrote. The thread's message is the answer's comment (empty without one).
 */
export const surveyAnswerRefSchema = z
  .object({ surveyId: z.string(), score: z.number().int() })
  .nullable();

/** A feedback item as the admin API returns it. */
export const feedbackItemSchema = z.object({
  id: z.string(),
  message: z.string(),
  category: feedbackCategorySchema.nullable(),
  email: z.string().nullable(),
  rating: z.number().int().nullable(),
  status: feedbackStatusSchema,
  context: feedbackContextSchema.nullable(),
  anonymousId: z.string(),
  userId: z.string().nullable(),
  createdAt: z.string(),
  replies: z.array(replySchema),
  surveyAnswer: surveyAnswerRefSchema,
  /**
   * Derived, never stored: true when the customer wrote last (no reply yet, or their own
   * reply is the newest) and the item is not resolved — the thread is waiting on the team.
   */
  waitingOnTeam: z.boolean(),
});

export const feedbackListQuerySchema = z.object({
  status: feedbackStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const feedbackPatchSchema = z.object({ status: feedbackStatusSchema });
export const replyInputSchema = z.object({ body: textSchema });

/**
 * `GET /v1/inbox` — the customer's own feedback threads with the team's replies and their own
 * answers (`author: 'customer'`), oldest reply first.
 */
export const inboxThreadSchema = z.object({
  id: z.string(),
  message: z.string(),
  category: feedbackCategorySchema.nullable(),
  status: feedbackStatusSchema,
  createdAt: z.string(),
  replies: z.array(replySchema),
  /** On a detractor thread: the answer that opened it (the widget says the team will answer). */
  surveyAnswer: surveyAnswerRefSchema.optional(),
  /** On a resolved thread: the widget asks "Did we solve this?" until `answered`. */
  resolution: threadResolutionSchema.optional(),
});
export const inboxResponseSchema = z.object({ threads: z.array(inboxThreadSchema) });

/**
 * `GET /v1/inbox/unread` and the answer of `POST /v1/inbox/read`: how many of the team's replies
 * in the customer's threads they have not read yet (the launcher's badge).
 */
export const unreadResponseSchema = z.object({ unread: z.number().int().min(0) });

/**
 * `POST /v1/inbox/read`: the customer has been shown every reply created up to `through` (the
 * newest reply the widget showed), so a reply that arrived after the inbox was read stays unread.
 */
export const markReadInputSchema = z.object({ through: timestampSchema });

export type FeedbackStatus = z.infer<typeof feedbackStatusSchema>;
export type Reply = z.infer<typeof replySchema>;
export type SurveyAnswerRef = z.infer<typeof surveyAnswerRefSchema>;
export type FeedbackItem = z.infer<typeof feedbackItemSchema>;
export type InboxThread = z.infer<typeof inboxThreadSchema>;
export type InboxResponse = z.infer<typeof inboxResponseSchema>;
export type UnreadResponse = z.infer<typeof unreadResponseSchema>;
