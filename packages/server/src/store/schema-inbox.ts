import type { ColumnType } from 'kysely';

/** Timestamps are written as ISO strings or Dates and read back as Dates. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/**
 * The generated full-text column of `feedback` (migration 0003): read in `WHERE` clauses only,
 * never written (the database computes it from the message and the email).
 */
export type SearchVector = ColumnType<string, never, never>;

/** An internal note on a feedback item: the team's only, never shown to the customer. */
export interface FeedbackNotesTable {
  project_id: string;
  id: string;
  feedback_id: string;
  /** The teammate who wrote it (users.id); NULL when written with a secret key. */
  author_user_id: string | null;
  /** The author's name when the note was written ("the team" for a secret key). */
  author_name: string;
  body: string;
  created_at: Timestamp;
}

/** One tag of a feedback item. */
export interface FeedbackTagsTable {
  project_id: string;
  feedback_id: string;
  tag: string;
}

/** The inbox's tables (migration 0003), merged into `Database` in `schema.ts`. */
export interface InboxTables {
  feedback_notes: FeedbackNotesTable;
  feedback_tags: FeedbackTagsTable;
}
