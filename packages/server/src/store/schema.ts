import type { RedemptionStatus } from '@rapport/protocol';
import type { ColumnType, Generated } from 'kysely';
import type { WebhookTables } from '../webhooks/schema';
import type { EmailTables, ReplyEmailStatus } from './schema-email';
import type { InboxTables, SearchVector } from './schema-inbox';
import type { PeopleTables } from './schema-people';
import type { ResolutionTables } from './schema-resolution';

/** Timestamps are written as ISO strings or Dates and read back as Dates (pg) or Dates (PGlite). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** JSON columns are written as JSON text (both drivers pass strings through unchanged). */
type Json<T> = ColumnType<T, string, string>;

/** A site owner's project: keys, origins, settings, widget config. */
export interface ProjectsTable {
  id: string;
  name: string;
  publishable_key: string;
  secret_key_hash: string;
  identity_secret: string;
  allowed_origins: Json<string[]>;
  settings: Json<Record<string, unknown>>;
  widget_config: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
  /** SHA-256 of the secret key before the last rotation, valid until the time below. */
  previous_secret_key_hash: ColumnType<string | null, string | null | undefined, string | null>;
  previous_secret_key_expires_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
}

/** One browser identity (anonymous id), linked to a user by identify. */
export interface CustomersTable {
  project_id: string;
  anonymous_id: string;
  user_id: string | null;
  traits: Json<Record<string, unknown>>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  /** SHA-256 hex of the browser's device secret (migration 0008); NULL until one is sent. */
  device_secret_hash: string | null;
}

/**
 * Traits of a proven user: merged only from identify messages whose userHash verified
 * (migration 0016), so they alone may target surveys and fill widget placeholders.
 */
export interface UserTraitsTable {
  project_id: string;
  user_id: string;
  traits: Json<Record<string, unknown>>;
  traits_at: Timestamp;
}

/** Every message id ever stored, per project: the exactly-once guard. */
export interface ProcessedMessagesTable {
  project_id: string;
  message_id: string;
  processed_at: Timestamp;
}

/** identify, page and track messages. */
export interface EventsTable {
  project_id: string;
  id: string;
  type: 'identify' | 'page' | 'track';
  anonymous_id: string;
  user_id: string | null;
  name: string | null;
  properties: Json<Record<string, unknown>>;
  occurred_at: Timestamp;
  received_at: Timestamp;
}

/** Feedback messages with their inbox status. */
export interface FeedbackTable {
  project_id: string;
  id: string;
  anonymous_id: string;
  user_id: string | null;
  message: string;
  category: string | null;
  email: string | null;
  rating: number | null;
  status: string;
  context: Json<Record<string, unknown> | null>;
  /** The teammate the item is assigned to (users.id), or NULL. */
  assignee_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Full-text vector of the message and email, computed by the database (0003). */
  search: SearchVector;
  created_at: Timestamp;
  /** The survey and score of the answer that opened a detractor thread (0011), else NULL. */
  survey_id: ColumnType<string | null, string | null | undefined, string | null>;
  score: ColumnType<number | null, number | null | undefined, number | null>;
  /** How far the customer has read the thread: replies up to this moment are read (0012). */
  customer_read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** When the team last resolved the thread (0015); NULL if never since then. */
  resolved_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The replies a claimed reply email covers are after `from`, up to `through` (0014). */
  reply_email_from: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  reply_email_through: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
  reply_email_status: ColumnType<
    ReplyEmailStatus | null,
    ReplyEmailStatus | null | undefined,
    ReplyEmailStatus | null
  >;
  reply_email_attempts: ColumnType<number, number | undefined, number>;
  /** The claim's lease while sending, the retry's due time after a failure. */
  reply_email_next_at: ColumnType<
    Date | null,
    Date | string | null | undefined,
    Date | string | null
  >;
}

/** Replies in a feedback thread (the team's, shown in the widget inbox). */
export interface FeedbackRepliesTable {
  project_id: string;
  id: string;
  feedback_id: string;
  author: 'team' | 'customer';
  /** The teammate who wrote a team reply; NULL for a secret key ("the team"). */
  author_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  author_name: ColumnType<string | null, string | null | undefined, string | null>;
  body: string;
  created_at: Timestamp;
}

/** NPS and CSAT surveys with targeting, sampling and recontact rules. */
export interface SurveysTable {
  project_id: string;
  id: string;
  name: string;
  type: 'nps' | 'csat';
  question: string;
  follow_up: Json<Record<string, string> | null>;
  targeting: Json<Record<string, unknown> | null>;
  /** The question and follow-ups by base language tag (0017); NULL: none. */
  translations: ColumnType<
    Record<string, unknown> | null,
    string | null | undefined,
    string | null
  >;
  sample_percent: number;
  recontact_days: number;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Survey answers. */
export interface SurveyResponsesTable {
  project_id: string;
  id: string;
  survey_id: string;
  anonymous_id: string;
  user_id: string | null;
  score: number | null;
  comment: string | null;
  answers: Json<Record<string, unknown> | null>;
  created_at: Timestamp;
  /** Message time of the newest message merged into the response (0013); NULL before 0013. */
  updated_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** A loyalty member: the row every balance change locks. */
export interface LoyaltyMembersTable {
  project_id: string;
  user_id: string;
  balance: number;
  lifetime_points: number;
  created_at: Timestamp;
}

/** Append-only loyalty entries; the balance is their sum. */
export interface LoyaltyLedgerTable {
  project_id: string;
  id: string;
  user_id: string;
  points: number;
  reason: string;
  created_at: Timestamp;
}

/** Rewards customers can redeem. */
export interface RewardsTable {
  project_id: string;
  id: string;
  name: string;
  cost: number;
  description: string | null;
  active: boolean;
  created_at: Timestamp;
  /** Units left; NULL is unlimited (migration 0010). A reward with codes counts those. */
  stock: ColumnType<number | null, number | null | undefined, number | null>;
  per_customer_limit: ColumnType<number | null, number | null | undefined, number | null>;
  uses_codes: ColumnType<boolean, boolean | undefined, boolean>;
}

/** A reward's unique codes; `redemption_id` is set once a redemption took one. */
export interface RewardCodesTable {
  project_id: string;
  reward_id: string;
  code: string;
  redemption_id: string | null;
  created_at: Timestamp;
}

/** Tiers by lifetime points. */
export interface LoyaltyTiersTable {
  project_id: string;
  name: string;
  threshold: number;
  /** Greeting at the top of the loyalty panel, with `{trait}` placeholders (migration 0016). */
  greeting: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Ways to earn points shown in the widget. */
export interface WaysToEarnTable {
  project_id: string;
  position: number;
  label: string;
  points: number;
}

/** Redemptions, keyed by the client's id so a retry redeems once. */
export interface RedemptionsTable {
  project_id: string;
  id: string;
  user_id: string;
  reward_id: string;
  cost: number;
  created_at: Timestamp;
  /** The reward code handed out by this redemption, if the reward has codes. */
  code: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<RedemptionStatus, RedemptionStatus | undefined, RedemptionStatus>;
  fulfilled_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

/** Every table Rapport stores, as Kysely sees it. Mirrors `src/migrations/*.sql`. */
export interface Database
  extends PeopleTables,
    InboxTables,
    ResolutionTables,
    WebhookTables,
    EmailTables {
  projects: ProjectsTable;
  customers: CustomersTable;
  user_traits: UserTraitsTable;
  processed_messages: ProcessedMessagesTable;
  events: EventsTable;
  feedback: FeedbackTable;
  feedback_replies: FeedbackRepliesTable;
  surveys: SurveysTable;
  survey_responses: SurveyResponsesTable;
  loyalty_members: LoyaltyMembersTable;
  loyalty_ledger: LoyaltyLedgerTable;
  rewards: RewardsTable;
  reward_codes: RewardCodesTable;
  loyalty_tiers: LoyaltyTiersTable;
  ways_to_earn: WaysToEarnTable;
  redemptions: RedemptionsTable;
}
