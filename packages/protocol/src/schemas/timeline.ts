/** The customer timeline: everything one person did, as the admin API shows it. */
import { z } from 'zod';
import { TIMELINE_KINDS } from '../vocabulary';

/** One thing a customer did (or the team did for them), as the timeline shows it. */
export const timelineEntrySchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  id: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/** `GET /v1/admin/customers/:userId/timeline` — newest first, one page at a time. */
export const timelinePageSchema = z.object({
  items: z.array(timelineEntrySchema),
  nextCursor: z.string().optional(),
});

export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
