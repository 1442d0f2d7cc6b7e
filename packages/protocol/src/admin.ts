import { z } from 'zod';

/** Every admin list answers `{ items, nextCursor? }`. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export const TIMELINE_KINDS = [
  'identify',
  'page',
  'track',
  'feedback',
  'survey_response',
  'loyalty',
  'reply',
] as const;

export const timelineEntrySchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  id: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});

export const timelineSchema = z.object({
  userId: z.string(),
  anonymousIds: z.array(z.string()),
  entries: z.array(timelineEntrySchema),
});

export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type Timeline = z.infer<typeof timelineSchema>;
