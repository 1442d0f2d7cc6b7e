/**
 * The team's feedback inbox (`/v1/admin/feedback*`): filters, threads, notes, tags, assignee.
 * See packages/server/README.md, "Inbox and customers".
 */
import { z } from 'zod';
import { MAX_SEARCH_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../limits';
import { feedbackItemSchema, feedbackStatusSchema } from './feedback';
import { textSchema, timestampSchema, userIdSchema } from './fields';
import { feedbackCategorySchema } from './messages';
import { resolutionRatingSchema } from './service-report';
import { timelineEntrySchema } from './timeline';

/** A date (`2026-03-01`, a whole UTC day) or a timestamp with a time zone. */
const dateOrTimestampSchema = z.union([z.iso.date(), timestampSchema]);

/**
 * `GET /v1/admin/feedback` query. `from` is inclusive, `to` exclusive for a timestamp and
 * inclusive of the whole day for a date; `assignee` is a teammate's user id, `me` or `none`.
 */
export const inboxQuerySchema = z.object({
  status: feedbackStatusSchema.optional(),
  category: feedbackCategorySchema.optional(),
  hasEmail: z.enum(['true', 'false']).optional(),
  from: dateOrTimestampSchema.optional(),
  to: dateOrTimestampSchema.optional(),
  q: z.string().trim().min(1).max(MAX_SEARCH_LENGTH).optional(),
  tag: z.string().trim().min(1).max(MAX_TAG_LENGTH).optional(),
  assignee: z.string().min(1).max(128).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

/** A teammate as the inbox names them. */
export const teammateRefSchema = z.object({ userId: z.string(), name: z.string() });

/** A feedback item in the inbox: the admin item plus its tags and assignee. */
export const inboxItemSchema = feedbackItemSchema.extend({
  tags: z.array(z.string()),
  assignee: teammateRefSchema.nullable(),
});

/** How many items each status holds under the current filters (all but `status`). */
export const statusCountsSchema = z.object({
  new: z.number().int(),
  in_progress: z.number().int(),
  resolved: z.number().int(),
});

/** `GET /v1/admin/feedback` answer. */
export const inboxPageSchema = z.object({
  items: z.array(inboxItemSchema),
  nextCursor: z.string().optional(),
  counts: statusCountsSchema,
});

/** Who wrote a reply or note: a teammate's name, "the team" (secret key) or the customer. */
export const authorSchema = z.object({
  name: z.string(),
  kind: z.enum(['team', 'customer']),
  userId: z.string().nullable(),
});

/** A reply (seen by the customer) or an internal note (never seen by the customer). */
export const threadPostSchema = z.object({
  id: z.string(),
  body: z.string(),
  createdAt: z.string(),
  author: authorSchema,
});

/** The card beside a thread: who sent it, when they were around, their loyalty standing. */
export const customerCardSchema = z.object({
  userId: z.string(),
  email: z.string().nullable(),
  traits: z.record(z.string(), z.unknown()),
  loyalty: z
    .object({
      balance: z.number().int(),
      tier: z.object({ name: z.string(), threshold: z.number().int() }).nullable(),
    })
    .nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});

/** `GET /v1/admin/feedback/:id` — one thread with everything the team needs to answer it. */
export const feedbackThreadSchema = z.object({
  item: inboxItemSchema,
  replies: z.array(threadPostSchema),
  notes: z.array(threadPostSchema),
  tags: z.array(z.string()),
  assignee: teammateRefSchema.nullable(),
  customer: customerCardSchema.nullable(),
  timeline: z.array(timelineEntrySchema),
  /** The customer's "Did we solve this?" answer for the latest resolution, or null. */
  resolutionRating: resolutionRatingSchema.nullable(),
});

/** `PATCH /v1/admin/feedback/:id` — change the status, the assignee (null unassigns), or both. */
export const inboxPatchSchema = z
  .object({
    status: feedbackStatusSchema.optional(),
    assigneeId: userIdSchema.nullable().optional(),
  })
  .refine((patch) => patch.status !== undefined || patch.assigneeId !== undefined, {
    message: 'send status, assigneeId or both',
  });

/** `POST /v1/admin/feedback/:id/notes` body. */
export const noteInputSchema = z.object({ body: textSchema });

/** One tag: 1–40 characters, trimmed and lowercased so `Bug` and `bug ` are one tag. */
export const tagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(MAX_TAG_LENGTH)
  .refine((tag) => /^\P{Cc}+$/u.test(tag), 'must not contain control characters');

/** `PUT /v1/admin/feedback/:id/tags` body: the item's whole set of tags. */
export const tagsInputSchema = z.object({
  tags: z
    .array(tagSchema)
    .max(MAX_TAGS)
    .transform((tags) => [...new Set(tags)].sort()),
});

export type InboxQuery = z.infer<typeof inboxQuerySchema>;
export type TeammateRef = z.infer<typeof teammateRefSchema>;
export type InboxItem = z.infer<typeof inboxItemSchema>;
export type StatusCounts = z.infer<typeof statusCountsSchema>;
export type InboxPage = z.infer<typeof inboxPageSchema>;
export type Author = z.infer<typeof authorSchema>;
export type ThreadPost = z.infer<typeof threadPostSchema>;
export type CustomerCard = z.infer<typeof customerCardSchema>;
export type FeedbackThread = z.infer<typeof feedbackThreadSchema>;
export type InboxPatch = z.infer<typeof inboxPatchSchema>;
