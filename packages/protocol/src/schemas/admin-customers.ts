/**
 * The customers directory, profile and GDPR routes (`/v1/admin/customers*`).
 * See packages/server/README.md, "Inbox and customers".
 */
import { z } from 'zod';
import { customerCardSchema } from './admin-inbox';
import { feedbackItemSchema } from './feedback';
import { userIdSchema } from './fields';

/** `GET /v1/admin/customers` query: `q` matches the user id, the email or any trait value. */
export const customersQuerySchema = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** One identified customer in the directory, most recently seen first. */
export const customerSummarySchema = z.object({
  userId: z.string(),
  email: z.string().nullable(),
  traits: z.record(z.string(), z.unknown()),
  lastSeenAt: z.string(),
  feedbackCount: z.number().int(),
  loyaltyBalance: z.number().int().nullable(),
});

/** `GET /v1/admin/customers` answer. */
export const customersPageSchema = z.object({
  items: z.array(customerSummarySchema),
  nextCursor: z.string().optional(),
});

/** One survey answer on a profile. */
export const surveyAnswerSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  surveyName: z.string().nullable(),
  type: z.enum(['nps', 'csat']).nullable(),
  score: z.number().int().nullable(),
  comment: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});

/** `GET /v1/admin/customers/:userId` — the profile (the timeline is paginated on its own). */
export const customerProfileSchema = customerCardSchema.extend({
  anonymousIds: z.array(z.string()),
  surveyAnswers: z.array(surveyAnswerSchema),
  feedback: z.array(feedbackItemSchema),
});

/** `DELETE /v1/admin/customers/:userId` body: the user id typed again, as a confirmation. */
export const eraseInputSchema = z.object({ confirm: userIdSchema });

export type CustomersQuery = z.infer<typeof customersQuerySchema>;
export type CustomerSummary = z.infer<typeof customerSummarySchema>;
export type CustomersPage = z.infer<typeof customersPageSchema>;
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;
export type CustomerProfile = z.infer<typeof customerProfileSchema>;
