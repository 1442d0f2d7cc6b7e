import type { ColumnType } from 'kysely';

/** Timestamps are written as ISO strings or Dates and read back as Dates. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** An address that asked for no more reply emails from a project (migration 0014). */
export interface EmailUnsubscribesTable {
  project_id: string;
  /** Lowercased. */
  address: string;
  created_at: Timestamp;
}

/** The unsubscribe link of one email sent; only the token's SHA-256 hex is kept. */
export interface EmailUnsubscribeTokensTable {
  token_hash: string;
  kind: 'replies' | 'digest';
  /** A reply email's project and recipient; NULL for a digest. */
  project_id: Nullable<string>;
  address: Nullable<string>;
  /** A digest's teammate; NULL for a reply email. */
  user_id: Nullable<string>;
  created_at: Timestamp;
}

/** The email tables (migration 0014), merged into `Database` in `schema.ts`. */
export interface EmailTables {
  email_unsubscribes: EmailUnsubscribesTable;
  email_unsubscribe_tokens: EmailUnsubscribeTokensTable;
}

/** The state of a thread's reply email, on `feedback` (migration 0014). */
export type ReplyEmailStatus = 'sending' | 'retry' | 'sent' | 'failed';
