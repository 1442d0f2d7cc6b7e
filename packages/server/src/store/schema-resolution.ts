import type { ColumnType } from 'kysely';

/** Timestamps are written as ISO strings or Dates and read back as Dates. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** The customer's answer to "Did we solve this?" for one resolution of a thread (0015). */
export interface ResolutionRatingsTable {
  project_id: string;
  feedback_id: string;
  /** The resolution answered: the thread's `resolved_at` when the customer answered. */
  resolved_at: Timestamp;
  /** The `resolution_rating` message that carried the answer. */
  id: string;
  /** 1–5, or NULL when the customer dismissed the question. */
  score: number | null;
  comment: string | null;
  created_at: Timestamp;
}

/** Resolution CSAT's tables (migration 0015), merged into `Database` in `schema.ts`. */
export interface ResolutionTables {
  resolution_ratings: ResolutionRatingsTable;
}
