import { z } from 'zod';
import {
  MAX_BATCH_MESSAGES,
  MAX_EVENT_NAME_LENGTH,
  MAX_LOCALE_LENGTH,
  MAX_OBJECT_KEY_LENGTH,
  MAX_OBJECT_KEYS,
  MAX_TEXT_LENGTH,
  MAX_USER_AGENT_LENGTH,
  MAX_VIEWPORT_PIXELS,
} from '../limits';
import { FEEDBACK_CATEGORIES } from '../vocabulary';
import {
  deviceSecretSchema,
  idSchema,
  jsonRecordSchema,
  textSchema,
  timestampSchema,
  urlSchema,
  userHashSchema,
  userIdSchema,
} from './fields';

/**
 * Fields every message carries. `id` is the client's UUID, the key for exactly-once storage.
 * A `userId` counts only with its `userHash` (HMAC-SHA256 under the project's identity
 * secret); without one the server stores the message as anonymous (see the server README,
 * "Identity"). `deviceSecret` is the browser's random secret: the first one the server sees for
 * an `anonymousId` is kept (as a hash) and is then needed to read that visitor's threads.
 */
const baseFields = {
  id: idSchema,
  timestamp: timestampSchema,
  anonymousId: idSchema,
  userId: userIdSchema.optional(),
  userHash: userHashSchema.optional(),
  deviceSecret: deviceSecretSchema.optional(),
};

export const feedbackCategorySchema = z.enum(FEEDBACK_CATEGORIES);

export const identifyMessageSchema = z.object({
  ...baseFields,
  type: z.literal('identify'),
  userId: userIdSchema,
  traits: jsonRecordSchema.optional(),
});

export const trackMessageSchema = z.object({
  ...baseFields,
  type: z.literal('track'),
  event: z.string().min(1).max(MAX_EVENT_NAME_LENGTH),
  properties: jsonRecordSchema.optional(),
});

export const pageMessageSchema = z.object({
  ...baseFields,
  type: z.literal('page'),
  url: urlSchema,
  title: z.string().max(500).optional(),
  referrer: z.union([urlSchema, z.literal('')]).optional(),
});

/** Facts the SDK gathers automatically when feedback is sent. */
export const feedbackContextSchema = z.object({
  url: urlSchema,
  userAgent: z.string().max(MAX_USER_AGENT_LENGTH),
  viewport: z.object({
    width: z.number().int().min(0).max(MAX_VIEWPORT_PIXELS),
    height: z.number().int().min(0).max(MAX_VIEWPORT_PIXELS),
  }),
  locale: z.string().max(MAX_LOCALE_LENGTH),
});

export const feedbackMessageSchema = z.object({
  ...baseFields,
  type: z.literal('feedback'),
  message: textSchema,
  category: feedbackCategorySchema.optional(),
  email: z.email().max(254).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  context: feedbackContextSchema.optional(),
});

/**
 * Score is 0–10 for NPS and 1–5 for CSAT; the server checks it against the survey's type.
 *
 * `responseId` (optional, chosen by the client) names the response this message writes, so one
 * answer can arrive in steps: the widget sends the score when it is picked, then the same
 * `responseId` with the score and the follow-up comment. The server keeps ONE response per
 * (project, `responseId`): a later message (by `timestamp`) replaces the fields it carries —
 * a re-picked score included — and keeps the others; an older one that arrives late only
 * fills fields still empty; a replayed message (same `id`) changes nothing. Only messages
 * from the same `anonymousId` for the same `surveyId` update a response. Without
 * `responseId` a message is a whole response of its own, as before (the message `id` is
 * the response id).
 */
export const surveyResponseMessageSchema = z.object({
  ...baseFields,
  type: z.literal('survey_response'),
  surveyId: idSchema,
  responseId: idSchema.optional(),
  score: z.number().int().min(0).max(10).optional(),
  comment: z.string().max(MAX_TEXT_LENGTH).optional(),
  answers: z
    .record(
      z.string().min(1).max(MAX_OBJECT_KEY_LENGTH),
      z.union([z.string().max(MAX_TEXT_LENGTH), z.number()]),
    )
    .refine((value) => Object.keys(value).length <= MAX_OBJECT_KEYS, {
      message: `must have at most ${MAX_OBJECT_KEYS} keys`,
    })
    .optional(),
});

/**
 * The customer's answer in one of their own feedback threads (`threadId` is the feedback id
 * from `GET /v1/inbox`). Accepted only from the thread's owner: the verified user, or the
 * anonymous visitor with the device secret registered for its `anonymousId`.
 */
export const replyMessageSchema = z.object({
  ...baseFields,
  type: z.literal('reply'),
  threadId: idSchema,
  body: textSchema,
});

/**
 * The customer's answer to "Did we solve this?" (1–5, optional comment) in a thread the team
 * resolved. `resolvedAt` names the resolution answered (the thread's `resolution.resolvedAt`
 * from `GET /v1/inbox`); without `score` the customer dismissed the question. Accepted only
 * from the thread's owner (as a `reply`), only while the thread is resolved at that moment, and
 * once per resolution: a second answer to the same resolution is refused (`conflict`).
 */
export const resolutionRatingMessageSchema = z.object({
  ...baseFields,
  type: z.literal('resolution_rating'),
  threadId: idSchema,
  resolvedAt: timestampSchema,
  score: z.number().int().min(1).max(5).optional(),
  comment: z.string().max(MAX_TEXT_LENGTH).optional(),
});

/** Any message the SDK can send, discriminated by `type`. */
export const messageSchema = z.discriminatedUnion('type', [
  identifyMessageSchema,
  trackMessageSchema,
  pageMessageSchema,
  feedbackMessageSchema,
  surveyResponseMessageSchema,
  replyMessageSchema,
  resolutionRatingMessageSchema,
]);

/**
 * The batch envelope. Messages are checked one by one afterwards, so one bad message
 * is reported in `rejected` instead of failing the whole batch.
 */
export const batchEnvelopeSchema = z.object({
  messages: z.array(z.unknown()).min(1).max(MAX_BATCH_MESSAGES),
  sentAt: timestampSchema.optional(),
});

/** A fully valid batch, as the SDK builds it. */
export const batchRequestSchema = z.object({
  messages: z.array(messageSchema).min(1).max(MAX_BATCH_MESSAGES),
  sentAt: timestampSchema.optional(),
});

export const rejectedMessageSchema = z.object({
  id: z.string(),
  code: z.string(),
  message: z.string(),
});

export const batchResponseSchema = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
  rejected: z.array(rejectedMessageSchema),
});

export type FeedbackCategory = z.infer<typeof feedbackCategorySchema>;
export type IdentifyMessage = z.infer<typeof identifyMessageSchema>;
export type TrackMessage = z.infer<typeof trackMessageSchema>;
export type PageMessage = z.infer<typeof pageMessageSchema>;
export type FeedbackContext = z.infer<typeof feedbackContextSchema>;
export type FeedbackMessage = z.infer<typeof feedbackMessageSchema>;
export type SurveyResponseMessage = z.infer<typeof surveyResponseMessageSchema>;
export type ReplyMessage = z.infer<typeof replyMessageSchema>;
export type ResolutionRatingMessage = z.infer<typeof resolutionRatingMessageSchema>;
export type Message = z.infer<typeof messageSchema>;
export type MessageType = Message['type'];
export type BatchRequest = z.infer<typeof batchRequestSchema>;
export type RejectedMessage = z.infer<typeof rejectedMessageSchema>;
export type BatchResponse = z.infer<typeof batchResponseSchema>;
